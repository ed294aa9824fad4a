package portal.identity.lostcredentials;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.administration.AccessEnding;
import portal.identity.signin.SignInThrottle;
import portal.platform.RateLimitExceeded;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Lost or stolen login information. A report locks the account at once, ends its
 * sessions and tokens, tells the user and the customer's administrators, and queues the
 * report for the Company's desk. Only a reset (by an administrator or the desk) reopens it.
 */
@Service
public class LostCredentials {

	/** The report's channel when the portal itself locked the account after repeated wrong codes. */
	static final String WRONG_CODES = "wrong-codes";

	private final Accounts accounts;

	private final AccessEnding access;

	private final IdentityMails mails;

	private final LostReports reports;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final SignInThrottle throttle;

	LostCredentials(Accounts accounts, AccessEnding access, IdentityMails mails, LostReports reports,
			AuditTrail audit, Tenancy tenancy, TransactionTemplate transactions, SignInThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.access = access;
		this.mails = mails;
		this.reports = reports;
		this.audit = audit;
		this.tenancy = tenancy;
		this.transactions = transactions;
	}

	/**
	 * A report from the sign-in page. The answer is the same whether or not the login ID and
	 * email match an account, so the form reveals nothing. Reports are limited per client
	 * address and per login ID named, so that the form cannot lock a customer's people out
	 * in bulk (the desk restores access to a wrongly locked account).
	 *
	 * @throws RateLimitExceeded when the address or the login ID has reported too often
	 */
	public void reportAnonymously(String loginId, String email) {
		if (loginId == null || email == null || loginId.length() > 64 || email.length() > 254) {
			return;
		}
		if (!throttle.tryLostCredentialsReport(Accounts.normalize(loginId), tenancy.current().origin())) {
			throw new RateLimitExceeded();
		}
		tenancy.run(Actor.ANONYMOUS.equals(tenancy.actor()) ? Actor.user(Accounts.normalize(loginId)) : tenancy.actor(),
				TenantScope.system(), () -> transactions.executeWithoutResult(status -> {
					Optional<Account> account = accounts.byLoginId(loginId)
						.filter(a -> a.email() != null && a.email().trim().toLowerCase(Locale.ROOT)
							.equals(email.trim().toLowerCase(Locale.ROOT)))
						.filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.PENDING_ACTIVATION);
					account.ifPresent(a -> lock(a, "sign-in-page", a.loginId()));
				}));
	}

	/** A report by the user's administrator (or by the user, signed in). */
	@Transactional
	public void report(UUID customerId, String loginId) {
		Account account = accounts.ofCustomer(customerId, loginId)
			.filter(a -> a.state() != AccountState.RETIRED)
			.orElseThrow(IdentityException::notFound);
		lock(account, "administrator", tenancy.actor().id());
	}

	/** Open reports first, then the most recent handled ones, as far as the reader's scope reaches. */
	@Transactional(readOnly = true)
	public List<LostReport> open() {
		return reports.recent(500);
	}

	/**
	 * Someone has the password and keeps guessing the one-time code: the account is locked
	 * and queued for the desk as a lost-credentials report, in the caller's transaction.
	 */
	public void lockAfterWrongCodes(Account account) {
		lock(account, WRONG_CODES, "portal");
	}

	private void lock(Account account, String channel, String reportedBy) {
		account.lockForLostCredentials();
		accounts.update(account);
		access.endAccess(account);
		reports.file(account.id(), account.customerId(), channel, reportedBy);
		boolean guessed = WRONG_CODES.equals(channel);
		mails.lostCredentialsReported(account, account, guessed);
		if (account.customerId() != null) {
			accounts.activeAdministrators(account.customerId()).stream()
				.filter(admin -> !admin.id().equals(account.id()))
				.forEach(admin -> mails.lostCredentialsReported(account, admin, guessed));
		}
		audit.record(AuditRecord.of("user.credentials-reported-lost", "user", account.loginId())
			.forCustomer(account.customerId())
			.with("channel", channel));
	}
}
