package portal.agreements.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.agreements.AgreementRefusal;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.customers.ContractCheck;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

/**
 * The applications desk: receives applications under receipt numbers issued in
 * commit order, shows each with the automatic check of Art. 5 (1), and decides them in the
 * order received. Submissions and decisions take turns on one database lock, so no two
 * desk users and no two nodes can accept out of order.
 */
@Service
public class ApplicationDesk {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PortalApplications applications;

	private final Customers customers;

	private final UserAdministration users;

	private final AgreementLifecycle lifecycle;

	private final Terms terms;

	private final ApplicationMails mails;

	private final ApplicationThrottle throttle;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Tenancy tenancy;

	private final Clock clock;

	ApplicationDesk(PortalApplications applications, Customers customers, UserAdministration users,
			AgreementLifecycle lifecycle, Terms terms, ApplicationMails mails, ApplicationThrottle throttle,
			ApplicationEventPublisher events, TransactionTemplate transactions, Tenancy tenancy, Clock clock) {
		this.applications = applications;
		this.customers = customers;
		this.users = users;
		this.lifecycle = lifecycle;
		this.terms = terms;
		this.mails = mails;
		this.throttle = throttle;
		this.events = events;
		this.transactions = transactions;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/**
	 * Receives an application from anyone and mails the receipt to its contact person.
	 *
	 * @throws AgreementRefusal naming the first field that is not acceptable; nothing is written then
	 */
	public Receipt submit(Applicant submitted) {
		Applicant applicant = submitted.checked();
		if (!throttle.tryAcquire(tenancy.current().origin())) {
			throw AgreementRefusal.throttled();
		}
		int termsVersion = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		String token = token();
		return asSystem(Actor.ANONYMOUS, () -> {
			// Contracts not yet linked to a customer are visible only in the system scope.
			List<String> companies = customers.checkCustomerOfRecord(applicant.legalName(), applicant.contractNumbers())
				.findings().stream().filter(ContractCheck.Finding::found).map(ContractCheck.Finding::contractingCompany)
				.distinct().toList();
			long receiptNo = applications.nextReceiptNo();
			PortalApplication application = PortalApplication.receive(receiptNo, hash(token), applicant, companies,
					termsVersion, clock.instant());
			applications.insert(application);
			application.takeEvents().forEach(events::publishEvent);
			mails.received(application, token);
			return new Receipt(receiptNo, token);
		});
	}

	/** The state of an application, for whoever holds its receipt number and token; empty otherwise. */
	public Optional<ApplicationStatus> status(long receiptNo, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return asSystem(Actor.ANONYMOUS, () -> applications.byReceiptNo(receiptNo))
			.filter(application -> MessageDigest.isEqual(application.tokenHash().getBytes(StandardCharsets.UTF_8),
					hash(token).getBytes(StandardCharsets.UTF_8)))
			.map(application -> new ApplicationStatus(receiptNo, application.state(), application.receivedAt(),
					application.decidedAt(), application.rejectionReason().map(RejectionReason::code)));
	}

	/** The queue in receipt order, optionally of one state, within the reader's scope. */
	public List<DeskEntry> queue(Optional<ApplicationState> state, int limit) {
		List<PortalApplication> visible = transactions.execute(status -> applications.list(state,
				Math.min(Math.max(limit, 1), 500)));
		return visible.stream().map(this::entry).toList();
	}

	public Optional<DeskEntry> application(long receiptNo) {
		return transactions.execute(status -> applications.byReceiptNo(receiptNo)).map(this::entry);
	}

	/** The receipt number of the oldest application still undecided, if any. */
	public OptionalLong oldestUndecided() {
		return asSystem(tenancy.actor(), applications::oldestUndecided);
	}

	/**
	 * Accepts the application: only the oldest undecided one, and only when the
	 * applicant is the customer of record of an active contract it named. Creates (or links)
	 * the Portal Customer, concludes its agreement, links the matched contracts and registers
	 * the first administrator, whose login ID is issued and mailed.
	 */
	public DeskEntry accept(long receiptNo) {
		requireVisible(receiptNo);
		Actor actor = tenancy.actor();
		asSystem(actor, () -> {
			applications.lockQueue();
			PortalApplication application = applications.byReceiptNo(receiptNo)
				.orElseThrow(() -> AgreementRefusal.notFound("application " + receiptNo));
			application.accept(applications.oldestUndecided(), actor.id(), clock.instant());
			Applicant applicant = application.applicant();
			ContractCheck check = customers.checkCustomerOfRecord(applicant.legalName(), applicant.contractNumbers());
			if (!check.passed()) {
				throw AgreementRefusal.conflict("customer-of-record-check-failed", "contractNumbers", "check-failed",
						"The applicant is not the customer of record of any active contract it named; reject it with "
								+ "reason art-5-1 instead.", Map.of());
			}
			List<String> matched = check.findings().stream().filter(ContractCheck.Finding::satisfied)
				.map(ContractCheck.Finding::contractNo).toList();
			CustomerSummary customer = customers.linkedCustomerOf(matched).orElseGet(() -> customers
				.register(applicant.legalName(), applicant.country(), applicant.registeredAddress()));
			List<String> linked = customers.linkContracts(customer.id(), matched);
			lifecycle.conclude(customer.id(), receiptNo);
			UserView administrator = users.addFirstAdministrator(customer.id(), applicant.administrator().name(),
					applicant.administrator().email(), applicant.administrator().phone(), applicant.language(),
					application.consentTermsVersion());
			application.concluded(customer.id(), customer.code(), administrator.loginId(), linked);
			applications.updateDecision(application);
			application.takeEvents().forEach(events::publishEvent);
			mails.accepted(application, customer.code());
			return null;
		});
		return application(receiptNo).orElseThrow();
	}

	/** Rejects the application at any time, for a reason of Art. 5 (1)–(5) with a note. */
	public DeskEntry reject(long receiptNo, RejectionReason reason, String note) {
		requireVisible(receiptNo);
		Actor actor = tenancy.actor();
		asSystem(actor, () -> {
			applications.lockQueue();
			PortalApplication application = applications.byReceiptNo(receiptNo)
				.orElseThrow(() -> AgreementRefusal.notFound("application " + receiptNo));
			application.reject(reason, note, actor.id(), clock.instant());
			applications.updateDecision(application);
			application.takeEvents().forEach(events::publishEvent);
			mails.rejected(application);
			return null;
		});
		return application(receiptNo).orElseThrow();
	}

	// Affiliate staff decide only the applications they can see.
	private void requireVisible(long receiptNo) {
		if (application(receiptNo).isEmpty()) {
			throw AgreementRefusal.notFound("application " + receiptNo);
		}
	}

	private DeskEntry entry(PortalApplication application) {
		ContractCheck check = asSystem(tenancy.actor(), () -> customers.checkCustomerOfRecord(
				application.applicant().legalName(), application.applicant().contractNumbers()));
		return new DeskEntry(application, check);
	}

	private <T> T asSystem(Actor actor, Supplier<T> work) {
		Tenancy.Context context = new Tenancy.Context(actor, TenantScope.system(), tenancy.current().origin());
		return tenancy.call(context, () -> transactions.execute(status -> work.get()));
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
