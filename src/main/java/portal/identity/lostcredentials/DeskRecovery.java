package portal.identity.lostcredentials;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.AccessEnding;
import portal.identity.administration.Registrations;

/**
 * The desk's side of a lost-or-stolen report: record how the person was verified
 * out of band, then issue a fresh activation to the locked account — a customer's sole
 * administrator or a staff member included, since nobody else could — which closes the
 * report; or close a report that needs nothing more. Every step is audited.
 */
@Service
public class DeskRecovery {

	static final int MAX_VERIFICATION = 500;

	private final LostReports reports;

	private final Accounts accounts;

	private final Registrations registrations;

	private final AccessEnding access;

	private final AuditTrail audit;

	DeskRecovery(LostReports reports, Accounts accounts, Registrations registrations, AccessEnding access,
			AuditTrail audit) {
		this.reports = reports;
		this.accounts = accounts;
		this.registrations = registrations;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public LostReport report(UUID id) {
		return reports.byId(id).orElseThrow(DeskRecovery::notFound);
	}

	/** Records how the desk verified the person out of band (a call-back to a known number, …). */
	@Transactional
	public LostReport verify(UUID id, String how) {
		LostReport report = openReport(id);
		if (how == null || how.isBlank() || how.length() > MAX_VERIFICATION) {
			throw IdentityException.invalid("verification",
					"Say how the person was verified out of band (at most " + MAX_VERIFICATION + " characters).");
		}
		reports.verified(id, how.trim());
		audit.record(AuditRecord.of("lost-credentials.verified", "user", report.loginId())
			.forCustomer(report.customerId())
			.with("report", id.toString())
			.with("verification", how.trim()));
		return report(id);
	}

	/**
	 * Records how the desk verified the person out of band, chosen from the known methods
	 * with an optional note ({@link VerificationMethod#OTHER} requires one).
	 */
	@Transactional
	public LostReport verify(UUID id, VerificationMethod method, String note) {
		String text = note == null ? "" : note.trim();
		if (method == null) {
			throw IdentityException.invalid("method", "Choose how the person was verified out of band.");
		}
		if (method == VerificationMethod.OTHER && text.isEmpty()) {
			throw IdentityException.invalid("note", "Say how the person was verified.");
		}
		if (text.length() > MAX_VERIFICATION - 40) {
			throw IdentityException.invalid("note", "Keep the note to " + (MAX_VERIFICATION - 40) + " characters.");
		}
		return verify(id, text.isEmpty() ? method.key() : method.key() + ": " + text);
	}

	/** Issues a fresh activation (reset link) to the reported account and closes its open reports. */
	@Transactional
	public LostReport restore(UUID id) {
		LostReport report = openReport(id);
		if (!report.verified()) {
			throw new IdentityException("not-verified", HttpStatus.CONFLICT,
					"Verify the person out of band before restoring access.", "verification");
		}
		Account account = accounts.byId(report.accountId()).orElseThrow(IdentityException::notFound);
		if (account.state() == AccountState.RETIRED) {
			throw new IdentityException("invalid-transition", HttpStatus.CONFLICT, "A retired account cannot be restored.");
		}
		account.reset();
		accounts.update(account);
		access.endAccess(account);
		registrations.invite(account, true);
		reports.closeFor(account.id());
		audit.record(AuditRecord.of("lost-credentials.access-restored", "user", report.loginId())
			.forCustomer(report.customerId())
			.with("report", id.toString()));
		return report(id);
	}

	/** Closes a report without restoring access, e.g. when an administrator has already reset the user. */
	@Transactional
	public LostReport close(UUID id) {
		LostReport report = openReport(id);
		reports.close(id);
		audit.record(AuditRecord.of("lost-credentials.closed", "user", report.loginId())
			.forCustomer(report.customerId())
			.with("report", id.toString()));
		return report(id);
	}

	private LostReport openReport(UUID id) {
		LostReport report = report(id);
		if (!report.open()) {
			throw new IdentityException("report-closed", HttpStatus.CONFLICT, "This report is already closed.");
		}
		return report;
	}

	private static IdentityException notFound() {
		return new IdentityException("report-not-found", HttpStatus.NOT_FOUND, "There is no such report.");
	}
}
