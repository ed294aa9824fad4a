package portal.agreements.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import portal.agreements.AgreementRefusal;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.platform.Tenancy;

/**
 * The life of Portal Agreements: conclusion, suspensions of all or part,
 * termination by the customer, by the Company or after all
 * contracts ended, and withdrawals of parts. Every change is audited,
 * notified and put on the agreement's timeline in the same transaction.
 */
@Service
public class AgreementLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AgreementLifecycle.class);

	private final Agreements agreements;

	private final Suspensions suspensions;

	private final Customers customers;

	private final ApplicationEventPublisher events;

	private final Tenancy tenancy;

	private final Clock clock;

	private final AgreementSettings settings;

	private final TransactionTemplate readOnly;

	AgreementLifecycle(Agreements agreements, Suspensions suspensions, Customers customers,
			ApplicationEventPublisher events, Tenancy tenancy, Clock clock, AgreementSettings settings,
			PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.agreements = agreements;
		this.suspensions = suspensions;
		this.customers = customers;
		this.events = events;
		this.tenancy = tenancy;
		this.clock = clock;
		this.settings = settings;
	}

	/** Concludes the agreement of a newly accepted customer; an existing one stays. */
	@Transactional
	public void conclude(UUID customerId, Long receiptNo) {
		if (agreements.of(customerId).isPresent()) {
			return;
		}
		Agreement agreement = Agreement.conclude(customerId, receiptNo, actor(), now());
		agreements.insert(agreement);
		agreement.takeEvents().forEach(events::publishEvent);
	}

	@Transactional(readOnly = true)
	public Optional<AgreementView> view(UUID customerId) {
		Instant now = now();
		return agreements.of(customerId).map(agreement -> {
			List<Suspension> affecting = suspensions.affecting(customerId, 100);
			boolean suspended = affecting.stream().anyMatch(s -> s.inForceAt(now));
			return new AgreementView(customerId, agreement.stateAt(now, suspended), agreement.concludedAt(),
					agreement.terminationEffectiveAt(), agreement.terminationOrigin(), agreement.terminationReason(),
					affecting, agreements.timeline(customerId));
		});
	}

	@Transactional(readOnly = true)
	public Optional<AgreementView> viewByCode(String customerCode) {
		return customers.byCode(customerCode).flatMap(customer -> view(customer.id()));
	}

	/** The customer's written request to terminate on a date not in the past, the day starting in UTC. */
	@Transactional
	public AgreementView requestTermination(UUID customerId, LocalDate effectiveDate) {
		return requestTermination(customerId, effectiveDate, ZoneOffset.UTC);
	}

	/** The same, the day starting in the zone of the person who asks (their date is meant where they are). */
	@Transactional
	public AgreementView requestTermination(UUID customerId, LocalDate effectiveDate, java.time.ZoneId zone) {
		if (effectiveDate == null) {
			throw AgreementRefusal.invalid("effectiveDate", "required", "give the date the termination takes effect.");
		}
		Agreement agreement = lock(customerId);
		Instant effectiveAt = effectiveDate.atStartOfDay(zone).toInstant();
		agreement.requestTermination(effectiveAt, actor(), now());
		save(agreement);
		events.publishEvent(AgreementNotices.termination(customerId, effectiveAt, "requested by your administrator",
				"termination:" + customerId + ":customer:" + effectiveAt));
		return view(customerId).orElseThrow();
	}

	@Transactional
	public AgreementView withdrawTerminationRequest(UUID customerId) {
		Agreement agreement = lock(customerId);
		agreement.withdrawTerminationRequest(actor(), now());
		save(agreement);
		events.publishEvent(AgreementNotices.terminationCancelled(customerId, "the request was withdrawn",
				now(), "termination:" + customerId + ":withdrawn:" + now()));
		return view(customerId).orElseThrow();
	}

	/**
	 * The Company terminates: at once for a breach of Art. 12.1, or after notice once
	 * a breach suspension went uncured past its deadline.
	 *
	 * @param atOnce whether to terminate at once rather than for an uncured breach
	 */
	@Transactional
	public AgreementView terminateByCompany(String customerCode, boolean atOnce, SuspensionReason reason, String note) {
		CustomerSummary customer = customers.byCode(customerCode)
			.orElseThrow(() -> AgreementRefusal.notFound("customer " + customerCode));
		if (reason == null || !reason.breach()) {
			throw AgreementRefusal.invalid("reason", "breach-reason", "a termination rests on one of Art. 12.1 (1)–(4).");
		}
		if (note == null || note.isBlank()) {
			throw AgreementRefusal.invalid("note", "note", "record why in a note.");
		}
		Instant now = now();
		if (!atOnce && suspensions.affecting(customer.id(), 500).stream()
			.noneMatch(s -> s.customerId().isPresent() && s.uncuredAt(now))) {
			throw AgreementRefusal.conflict("no-uncured-breach", "mode", "no-uncured-breach",
					"The customer has no breach suspension whose cure deadline passed uncured; terminate at once "
							+ "only where a breach warrants it.", Map.of());
		}
		Agreement agreement = lock(customer.id());
		Instant effectiveAt = atOnce ? now : now.plus(settings.terminationNotice());
		agreement.terminateByCompany(effectiveAt, reason.code() + ": " + note.strip(), actor(), now);
		save(agreement);
		events.publishEvent(AgreementNotices.termination(customer.id(), effectiveAt, reason.code(),
				"termination:" + customer.id() + ":company:" + effectiveAt));
		return view(customer.id()).orElseThrow();
	}

	/** Announces a suspension or withdrawal, notifies as its kind requires. */
	@Transactional
	public Suspension announce(Suspension.Request request) {
		Instant now = now();
		Suspension suspension = Suspension.announce(request, settings.notice(), actor(), now);
		suspension.customerId().ifPresent(customer -> {
			Agreement agreement = lock(customer);
			agreement.suspended(suspension, actor(), now);
			save(agreement);
		});
		suspensions.insert(suspension);
		events.publishEvent(new portal.agreements.events.AgreementChanged(suspension.customerId().orElse(null),
				"suspension-announced", suspension.describe(), suspension.startsAt()));
		events.publishEvent(AgreementNotices.suspension(suspension, now));
		return suspension;
	}

	/** Lifts a suspension early. */
	@Transactional
	public Suspension lift(UUID id) {
		Instant now = now();
		Suspension suspension = suspensions.byId(id).orElseThrow(() -> AgreementRefusal.notFound("suspension"));
		suspension.lift(actor(), now);
		suspensions.updateLifting(suspension);
		suspension.customerId().flatMap(agreements::lock).ifPresent(agreement -> {
			agreement.suspensionLifted(suspension, actor(), now);
			save(agreement);
		});
		events.publishEvent(new portal.agreements.events.AgreementChanged(suspension.customerId().orElse(null),
				"suspension-lifted", suspension.describe(), now));
		events.publishEvent(AgreementNotices.lifted(suspension, now));
		return suspension;
	}

	@Transactional(readOnly = true)
	public List<Suspension> suspensions(int limit) {
		return suspensions.recent(Math.min(Math.max(limit, 1), 500));
	}

	/**
	 * Everything the access check needs, read in the system scope whoever asks: the rules are
	 * shared by every customer's requests. The scope is set before the transaction takes its
	 * connection, which carries the scope.
	 */
	public AccessRules accessRules() {
		Instant now = now();
		return tenancy.call(portal.platform.Actor.job("access-rules"), portal.platform.TenantScope.system(),
				() -> readOnly.execute(status -> {
			Map<UUID, Instant> terminations = new HashMap<>();
			agreements.withTermination()
				.forEach(a -> terminations.put(a.customerId(), a.terminationEffectiveAt().orElseThrow()));
			return new AccessRules(suspensions.notOverAt(now), terminations);
		}));
	}

	/** Schedules termination after all the customer's contracts ended. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void contractsMayHaveEnded(UUID customerId) {
		if (!customers.allContractsEnded(customerId)) {
			return;
		}
		agreements.lock(customerId).ifPresent(agreement -> {
			Instant now = now();
			Instant effectiveAt = now.plus(settings.terminationNotice());
			if (agreement.scheduleForEndedContracts(effectiveAt, now)) {
				save(agreement);
				events.publishEvent(AgreementNotices.termination(customerId, effectiveAt,
						"all your relevant-service contracts have ended", "termination:" + customerId + ":contracts-ended:"
								+ effectiveAt));
				log.info("Termination scheduled after all contracts ended");
			}
		});
	}

	/** Cancels the automatic termination if a contract is active again before its date. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void contractMayBeActive(UUID customerId) {
		if (customers.allContractsEnded(customerId)) {
			return;
		}
		agreements.lock(customerId).ifPresent(agreement -> {
			Instant now = now();
			if (agreement.cancelForActiveContract(now)) {
				save(agreement);
				events.publishEvent(AgreementNotices.terminationCancelled(customerId,
						"a relevant-service contract is active again", now, "termination:" + customerId + ":cancelled:" + now));
			}
		});
	}

	private Agreement lock(UUID customerId) {
		return agreements.lock(customerId).orElseThrow(() -> AgreementRefusal.notFound("Portal Agreement"));
	}

	private void save(Agreement agreement) {
		agreements.update(agreement);
		agreement.takeEvents().forEach(events::publishEvent);
	}

	// The database keeps microseconds: an instant kept finer would round up, after the moment it was meant to be.
	private Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	private String actor() {
		return tenancy.actor().id();
	}
}
