package portal.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.catalog.Catalog;
import portal.customers.Customers;
import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Creates, edits and cancels notices and mails each to its audience as it stands at the
 * publication time; inboxes find a notice by its audience when they are read
 * ({@link Inbox}). Mailing reaches people of many customers, so it runs with the system
 * scope, attributed to the acting person.
 */
@Service
public class NoticeBoard {

	private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);

	private final Notices notices;

	private final NoticeAudiences audiences;

	private final NoticeMails mails;

	private final Customers customers;

	private final Catalog catalog;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration maintenanceNotice;

	NoticeBoard(Notices notices, NoticeAudiences audiences, NoticeMails mails, Customers customers, Catalog catalog,
			AuditTrail audit, Tenancy tenancy, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${portal.notices.maintenance-notice:14d}") Duration maintenanceNotice) {
		this.notices = notices;
		this.audiences = audiences;
		this.mails = mails;
		this.customers = customers;
		this.catalog = catalog;
		this.audit = audit;
		this.tenancy = tenancy;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.maintenanceNotice = maintenanceNotice;
	}

	/** The least time a planned maintenance window is announced ahead ({@code PORTAL_MAINTENANCE_NOTICE}). */
	public Duration maintenanceNotice() {
		return maintenanceNotice;
	}

	/** Creates the notice another module asked for, once per key; false when the key was seen before. */
	boolean request(NoticeRequested request) {
		return asSystem(() -> {
			if (notices.exists(request.key())) {
				return false;
			}
			Notice notice = Notice.requested(request, clock.instant());
			if (!notices.insert(notice, clock.instant(), tenancy.actor().id())) {
				return false;
			}
			fanOut(notice);
			return true;
		});
	}

	/** Staff compose a notice, now or scheduled; an unknown customer or service is refused by field. */
	public NoticeView compose(NoticeDraft draft) {
		checkAddressable(draft);
		return asSystem(() -> {
			Notice notice = Notice.composed(draft, clock.instant(), maintenanceNotice);
			checkReferences(notice.draft());
			notices.insert(notice, clock.instant(), tenancy.actor().id());
			fanOut(notice);
			audit.record(AuditRecord.of("notices.composed", "notice", notice.id)
				.forCustomer(notice.draft().audience().customerId())
				.with("kind", notice.draft().kind().name())
				.with("publishAt", notice.draft().publishAt().toString()));
			return NoticeView.of(notice, clock.instant());
		});
	}

	/** Staff change a notice before its publication; its recipients and mails are worked out afresh. */
	public NoticeView edit(UUID id, NoticeDraft draft) {
		checkMayChange(id);
		checkAddressable(draft);
		return asSystem(() -> {
			Notice notice = notices.lock(id).orElseThrow(NoticeRefusal::notFound);
			notice.edit(draft, clock.instant(), maintenanceNotice);
			checkReferences(notice.draft());
			notices.update(notice, clock.instant());
			notices.withdraw(id);
			mails.dropUnsent(id);
			notices.mailed(id, null);
			fanOut(notice);
			audit.record(AuditRecord.of("notices.edited", "notice", id).with("revision", notice.revision()));
			return NoticeView.of(notice, clock.instant());
		});
	}

	/** Staff cancel a notice before its publication: nobody will see it, no mail goes out. */
	public NoticeView cancel(UUID id) {
		checkMayChange(id);
		return asSystem(() -> {
			Notice notice = notices.lock(id).orElseThrow(NoticeRefusal::notFound);
			notice.cancel(clock.instant());
			notices.update(notice, clock.instant());
			notices.withdraw(id);
			mails.dropUnsent(id);
			audit.record(AuditRecord.of("notices.cancelled", "notice", id));
			return NoticeView.of(notice, clock.instant());
		});
	}

	public Optional<NoticeView> find(UUID id) {
		return asSystem(() -> notices.byId(id).map(notice -> NoticeView.of(notice, clock.instant())));
	}

	/** The newest notices, published, scheduled or cancelled; for the console. */
	public List<NoticeView> recent(int limit) {
		return asSystem(() -> notices.recent(Math.min(Math.max(limit, 1), 500)).stream()
			.map(notice -> NoticeView.of(notice, clock.instant()))
			.toList());
	}

	/**
	 * Planned maintenance windows overlapping a period: for people, only those
	 * announced by now; staff also see the ones scheduled for announcement.
	 */
	public List<NoticeView> maintenance(Instant from, Instant to, boolean includeScheduled) {
		Instant now = clock.instant();
		return asSystem(() -> notices.maintenance(from, to, !includeScheduled, now).stream()
			.map(notice -> NoticeView.of(notice, now))
			.toList());
	}

	// Mails the notice to its audience as it stands now when it is published by now; one
	// scheduled for later is mailed by mailPublished when its time comes.
	private void fanOut(Notice notice) {
		if (notice.draft().publishAt().isAfter(clock.instant())) {
			return;
		}
		mail(notice);
	}

	private void mail(Notice notice) {
		List<NoticeRecipient> recipients = audiences.recipients(notice.draft().audience());
		mails.queue(notice, recipients);
		notices.mailed(notice.id, clock.instant());
		log.info("Notice {} ({}) mailed to {} people", notice.id, notice.draft().kind(), recipients.size());
	}

	// Mails every notice whose publication time has come and that is not mailed yet to its
	// audience as it stands now; returns how many. publishDue runs it once across the cluster.
	int mailPublished() {
		return tenancy.call(Actor.job("notices-publication"), TenantScope.system(),
				() -> transactions.execute(status -> {
					List<Notice> due = notices.lockUnmailed(clock.instant(), 100);
					due.forEach(this::mail);
					return due.size();
				}));
	}

	// An affiliate's staff change or cancel only notices they could have written: the notice's
	// audience as it stands is checked too (read only for them; the Company's staff need no read).
	private void checkMayChange(UUID id) {
		if (tenancy.scope().kind() == TenantScope.Kind.COMPANY) {
			checkAddressable(asSystem(() -> notices.byId(id).map(Notice::draft)).orElseThrow(NoticeRefusal::notFound));
		}
	}

	/**
	 * Staff of an affiliate (a company scope) address only customers holding their company's
	 * contracts: one such customer, or a role within it. Which customers those are is what
	 * the row-level-security wall lets them see, so the customer is looked up in their own scope.
	 */
	private void checkAddressable(NoticeDraft draft) {
		if (tenancy.scope().kind() != TenantScope.Kind.COMPANY || draft.audience() == null) {
			return;
		}
		Audience audience = draft.audience();
		boolean oneCustomer = audience.scope() == Audience.Scope.CUSTOMER || audience.scope() == Audience.Scope.CUSTOMER_ROLE;
		if (!oneCustomer || audience.customerId() == null || customers.byId(audience.customerId()).isEmpty()) {
			throw NoticeRefusal.invalid("audience", "Staff of an affiliate address only a customer holding their company's contracts.");
		}
	}

	@Scheduled(fixedDelayString = "${portal.notices.publication-interval:30s}",
			initialDelayString = "${portal.notices.publication-interval:30s}")
	@SchedulerLock(name = "notices-publication", lockAtMostFor = "PT5M")
	void publishDue() {
		int mailed = mailPublished();
		if (mailed > 0) {
			log.info("Mailed {} notices whose publication time came", mailed);
		}
	}

	private void checkReferences(NoticeDraft draft) {
		Audience audience = draft.audience();
		if (audience.customerId() != null && customers.byId(audience.customerId()).isEmpty()) {
			throw NoticeRefusal.invalid("audience.customerId", "No such customer.");
		}
		if (audience.relevantService() != null && catalog.relevantService(audience.relevantService()).isEmpty()) {
			throw NoticeRefusal.invalid("audience.relevantService", "No such relevant service.");
		}
		for (String service : draft.relevantServices()) {
			if (catalog.relevantService(service).isEmpty()) {
				throw NoticeRefusal.invalid("relevantServices", "No such relevant service: " + service + ".");
			}
		}
	}

	private <T> T asSystem(Supplier<T> work) {
		Tenancy.Context current = tenancy.current();
		return tenancy.call(new Tenancy.Context(current.actor(), TenantScope.system(), current.origin()),
				() -> transactions.execute(status -> work.get()));
	}
}
