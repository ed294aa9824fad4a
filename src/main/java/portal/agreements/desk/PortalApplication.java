package portal.agreements.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import portal.agreements.AgreementRefusal;
import portal.agreements.events.ApplicationAccepted;
import portal.agreements.events.ApplicationReceived;
import portal.agreements.events.ApplicationRejected;

/**
 * A portal application. Its rules: it is decided once; it may be accepted only when
 * no older application is still undecided; a rejection names a reason of Art. 5 and
 * a note.
 */
public class PortalApplication {

	private final long receiptNo;
	private final String tokenHash;
	private final Instant receivedAt;
	private final Applicant applicant;
	private final List<String> contractCompanies;
	private final int consentTermsVersion;
	private ApplicationState state;
	private Instant decidedAt;
	private String decidedBy;
	private RejectionReason rejectionReason;
	private String rejectionNote;
	private UUID customerId;
	private String administratorLoginId;
	private final List<Object> events = new ArrayList<>();

	PortalApplication(long receiptNo, String tokenHash, Instant receivedAt, Applicant applicant,
			List<String> contractCompanies, int consentTermsVersion, ApplicationState state, Instant decidedAt,
			String decidedBy, RejectionReason rejectionReason, String rejectionNote, UUID customerId,
			String administratorLoginId) {
		this.receiptNo = receiptNo;
		this.tokenHash = tokenHash;
		this.receivedAt = receivedAt;
		this.applicant = applicant;
		this.contractCompanies = List.copyOf(contractCompanies);
		this.consentTermsVersion = consentTermsVersion;
		this.state = state;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.rejectionReason = rejectionReason;
		this.rejectionNote = rejectionNote;
		this.customerId = customerId;
		this.administratorLoginId = administratorLoginId;
	}

	/** A new application under the receipt number the queue issued. */
	public static PortalApplication receive(long receiptNo, String tokenHash, Applicant applicant,
			List<String> contractCompanies, int consentTermsVersion, Instant now) {
		PortalApplication application = new PortalApplication(receiptNo, tokenHash, now, applicant, contractCompanies,
				consentTermsVersion, ApplicationState.RECEIVED, null, null, null, null, null, null);
		application.events.add(new ApplicationReceived(receiptNo, applicant.legalName(), applicant.country()));
		return application;
	}

	/**
	 * Accepts the application.
	 *
	 * @param oldestUndecided the receipt number of the oldest application still undecided, if any
	 */
	public void accept(OptionalLong oldestUndecided, String actor, Instant now) {
		requireUndecided();
		if (oldestUndecided.isPresent() && oldestUndecided.getAsLong() < receiptNo) {
			long older = oldestUndecided.getAsLong();
			throw AgreementRefusal.conflict("out-of-receipt-order", "receiptNo", "out-of-order",
					"Application " + older + " was received before " + receiptNo
							+ " and is still undecided: decide it first (applications are decided in the order received).",
					Map.of("olderReceiptNo", older));
		}
		state = ApplicationState.ACCEPTED;
		decidedAt = now;
		decidedBy = actor;
	}

	/** Records what the acceptance created: the customer and its first administrator. */
	public void concluded(UUID customer, String customerCode, String administrator, List<String> linkedContracts) {
		if (state != ApplicationState.ACCEPTED || customerId != null) {
			throw new IllegalStateException("Only a freshly accepted application concludes an agreement");
		}
		customerId = customer;
		administratorLoginId = administrator;
		events.add(new ApplicationAccepted(receiptNo, customer, customerCode, administrator, linkedContracts));
	}

	public void reject(RejectionReason reason, String note, String actor, Instant now) {
		requireUndecided();
		if (reason == null) {
			throw AgreementRefusal.invalid("reason", "reason", "choose one of the reasons of Art. 5 (1)–(5).");
		}
		if (note == null || note.isBlank() || note.strip().length() > 2000) {
			throw AgreementRefusal.invalid("note", "note", "explain the decision in at most 2000 characters.");
		}
		state = ApplicationState.REJECTED;
		decidedAt = now;
		decidedBy = actor;
		rejectionReason = reason;
		rejectionNote = note.strip();
		events.add(new ApplicationRejected(receiptNo, reason.code()));
	}

	private void requireUndecided() {
		if (state != ApplicationState.RECEIVED) {
			throw AgreementRefusal.conflict("already-decided", "receiptNo", "decided",
					"Application " + receiptNo + " was already " + state.code() + ".", Map.of());
		}
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	public long receiptNo() {
		return receiptNo;
	}

	String tokenHash() {
		return tokenHash;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	public Applicant applicant() {
		return applicant;
	}

	public List<String> contractCompanies() {
		return contractCompanies;
	}

	public int consentTermsVersion() {
		return consentTermsVersion;
	}

	public ApplicationState state() {
		return state;
	}

	public Optional<Instant> decidedAt() {
		return Optional.ofNullable(decidedAt);
	}

	public Optional<String> decidedBy() {
		return Optional.ofNullable(decidedBy);
	}

	public Optional<RejectionReason> rejectionReason() {
		return Optional.ofNullable(rejectionReason);
	}

	public Optional<String> rejectionNote() {
		return Optional.ofNullable(rejectionNote);
	}

	public Optional<UUID> customerId() {
		return Optional.ofNullable(customerId);
	}

	public Optional<String> administratorLoginId() {
		return Optional.ofNullable(administratorLoginId);
	}
}
