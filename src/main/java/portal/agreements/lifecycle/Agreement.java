package portal.agreements.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import portal.agreements.AgreementRefusal;
import portal.agreements.events.AgreementChanged;

/**
 * A Portal Agreement. Its rules: a termination takes effect at its date
 * and is final from then on; a customer's request may be withdrawn before that date, an
 * automatic one (all contracts ended) is cancelled if a contract becomes active again; a
 * terminated agreement can no longer change. Suspensions are kept beside it
 * ({@link Suspension}); whether one is in force is a matter of time.
 */
public class Agreement {

	private final UUID customerId;
	private final Long receiptNo;
	private final Instant concludedAt;
	private Instant terminationEffectiveAt;
	private TerminationOrigin terminationOrigin;
	private String terminationReason;
	private String terminationRequestedBy;
	private Instant terminationCarriedOutAt;
	private final long version;
	private final List<TimelineEntry> newEntries = new ArrayList<>();
	private final List<Object> events = new ArrayList<>();

	Agreement(UUID customerId, Long receiptNo, Instant concludedAt, Instant terminationEffectiveAt,
			TerminationOrigin terminationOrigin, String terminationReason, String terminationRequestedBy,
			Instant terminationCarriedOutAt, long version) {
		this.customerId = customerId;
		this.receiptNo = receiptNo;
		this.concludedAt = concludedAt;
		this.terminationEffectiveAt = terminationEffectiveAt;
		this.terminationOrigin = terminationOrigin;
		this.terminationReason = terminationReason;
		this.terminationRequestedBy = terminationRequestedBy;
		this.terminationCarriedOutAt = terminationCarriedOutAt;
		this.version = version;
	}

	/** The agreement an accepted application concludes; active at once. */
	public static Agreement conclude(UUID customerId, Long receiptNo, String actor, Instant now) {
		Agreement agreement = new Agreement(customerId, receiptNo, now, null, null, null, null, null, 0);
		agreement.record(now, "concluded", receiptNo == null ? "" : "application " + receiptNo, actor, now);
		return agreement;
	}

	/** Its state at the moment, given whether a suspension of all or part of it is in force then. */
	public AgreementState stateAt(Instant now, boolean suspended) {
		if (isTerminatedAt(now)) {
			return AgreementState.TERMINATED;
		}
		if (suspended) {
			return AgreementState.SUSPENDED;
		}
		return terminationEffectiveAt != null ? AgreementState.TERMINATION_SCHEDULED : AgreementState.ACTIVE;
	}

	public boolean isTerminatedAt(Instant now) {
		return terminationEffectiveAt != null && !terminationEffectiveAt.isAfter(now);
	}

	/** The customer's written request to terminate on a date not in the past. */
	public void requestTermination(Instant effectiveAt, String actor, Instant now) {
		requireNotTerminated(now);
		if (effectiveAt.isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.DAYS))) {
			throw AgreementRefusal.invalid("effectiveDate", "date-past", "choose a date that is not in the past.");
		}
		if (terminationEffectiveAt != null) {
			throw AgreementRefusal.conflict("termination-scheduled", "effectiveDate", "termination-scheduled",
					"A termination is already scheduled for " + terminationEffectiveAt + ".", Map.of());
		}
		schedule(TerminationOrigin.CUSTOMER, effectiveAt, "requested by the customer", actor, now);
	}

	/** Withdraws the customer's own request before it takes effect. */
	public void withdrawTerminationRequest(String actor, Instant now) {
		requireNotTerminated(now);
		if (terminationOrigin != TerminationOrigin.CUSTOMER) {
			throw AgreementRefusal.conflict("no-termination-request", "", "no-request",
					"There is no termination request of the customer's to withdraw.", Map.of());
		}
		clearTermination("termination-withdrawn", "withdrawn by the customer", actor, now);
	}

	/**
	 * The Company terminates: replaces any later date already scheduled.
	 *
	 * @param effectiveAt now for a termination at once, later after notice
	 */
	public void terminateByCompany(Instant effectiveAt, String reason, String actor, Instant now) {
		requireNotTerminated(now);
		if (effectiveAt.isBefore(now)) {
			throw AgreementRefusal.invalid("effectiveDate", "date-past", "choose a date that is not in the past.");
		}
		if (terminationEffectiveAt != null && !terminationEffectiveAt.isAfter(effectiveAt)) {
			throw AgreementRefusal.conflict("termination-scheduled", "effectiveDate", "termination-scheduled",
					"A termination is already scheduled for " + terminationEffectiveAt + ".", Map.of());
		}
		schedule(TerminationOrigin.COMPANY, effectiveAt, reason, actor, now);
	}

	/**
	 * Schedules the termination that follows the end of all the customer's contracts;
	 * an earlier termination already scheduled stays.
	 *
	 * @return whether it was scheduled
	 */
	public boolean scheduleForEndedContracts(Instant effectiveAt, Instant now) {
		if (isTerminatedAt(now) || terminationEffectiveAt != null) {
			return false;
		}
		schedule(TerminationOrigin.CONTRACTS_ENDED, effectiveAt, "all relevant-service contracts ended", "portal", now);
		return true;
	}

	/** Cancels the automatic termination when a contract is active again before its date. */
	public boolean cancelForActiveContract(Instant now) {
		if (isTerminatedAt(now) || terminationOrigin != TerminationOrigin.CONTRACTS_ENDED) {
			return false;
		}
		clearTermination("termination-cancelled", "a relevant-service contract is active again", "portal", now);
		return true;
	}

	/**
	 * Carries out a termination that has taken effect: recorded once on the timeline
	 * at its effective date. Access was refused by time from that date on already.
	 *
	 * @return false when it was carried out before
	 * @throws AgreementRefusal when no termination has taken effect
	 */
	public boolean carryOutTermination(String actor, Instant now) {
		if (!isTerminatedAt(now)) {
			throw AgreementRefusal.conflict("not-terminated", "", "not-terminated",
					"The Portal Agreement has not terminated.", Map.of());
		}
		if (terminationCarriedOutAt != null) {
			return false;
		}
		terminationCarriedOutAt = now;
		record(terminationEffectiveAt, "terminated", "sessions and API tokens ended", actor, now);
		return true;
	}

	/** Records a suspension of this customer's agreement on its timeline; refused once terminated. */
	void suspended(Suspension suspension, String actor, Instant now) {
		requireNotTerminated(now);
		record(suspension.startsAt(), "suspension-announced", suspension.describe(), actor, now);
	}

	void suspensionLifted(Suspension suspension, String actor, Instant now) {
		record(now, "suspension-lifted", suspension.describe(), actor, now);
	}

	private void schedule(TerminationOrigin origin, Instant effectiveAt, String reason, String actor, Instant now) {
		terminationEffectiveAt = effectiveAt;
		terminationOrigin = origin;
		terminationReason = reason;
		terminationRequestedBy = actor;
		record(effectiveAt, "termination-scheduled", origin.code() + ": " + reason, actor, now);
	}

	private void clearTermination(String step, String detail, String actor, Instant now) {
		Instant was = terminationEffectiveAt;
		terminationEffectiveAt = null;
		terminationOrigin = null;
		terminationReason = null;
		terminationRequestedBy = null;
		record(was, step, detail, actor, now);
	}

	private void requireNotTerminated(Instant now) {
		if (isTerminatedAt(now)) {
			throw AgreementRefusal.conflict("agreement-terminated", "", "terminated",
					"The Portal Agreement was terminated on " + terminationEffectiveAt + ".", Map.of());
		}
	}

	private void record(Instant effectiveAt, String step, String detail, String actor, Instant now) {
		newEntries.add(new TimelineEntry(now, step, detail, actor));
		events.add(new AgreementChanged(customerId, step, detail, effectiveAt));
	}

	List<TimelineEntry> takeEntries() {
		List<TimelineEntry> taken = List.copyOf(newEntries);
		newEntries.clear();
		return taken;
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	public UUID customerId() {
		return customerId;
	}

	public Optional<Long> receiptNo() {
		return Optional.ofNullable(receiptNo);
	}

	public Instant concludedAt() {
		return concludedAt;
	}

	public Optional<Instant> terminationEffectiveAt() {
		return Optional.ofNullable(terminationEffectiveAt);
	}

	public Optional<TerminationOrigin> terminationOrigin() {
		return Optional.ofNullable(terminationOrigin);
	}

	public Optional<String> terminationReason() {
		return Optional.ofNullable(terminationReason);
	}

	public Optional<Instant> terminationCarriedOutAt() {
		return Optional.ofNullable(terminationCarriedOutAt);
	}

	Optional<String> terminationRequestedBy() {
		return Optional.ofNullable(terminationRequestedBy);
	}

	long version() {
		return version;
	}
}
