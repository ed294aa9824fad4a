package portal.identity.lostcredentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Actor;
import portal.platform.RateLimitExceeded;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.UserAdministration;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.signin.SignInThrottle;

/**
 * Lost or stolen login information. A report locks the account at once, ends its
 * sessions and tokens, tells the user and the customer's administrators, and queues the
 * report for the Company's desk. Only an administrator's reset reopens the account.
 */
@Service
public class LostCredentials {

	/** The report's channel when the portal itself locked the account after repeated wrong codes. */
	static final String WRONG_CODES = "wrong-codes";

	/** A report as the desk sees it. */
	public record Report(UUID id, String loginId, UUID customerId, String channel, String reportedBy,
			Instant reportedAt, String origin, Instant handledAt, String handledBy) {
	}

	private final Accounts accounts;

	private final UserAdministration administration;

	private final IdentityMails mails;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SignInThrottle throttle;

	LostCredentials(Accounts accounts, UserAdministration administration, IdentityMails mails, AuditTrail audit,
			JdbcClient jdbc, Tenancy tenancy, TransactionTemplate transactions, Clock clock, SignInThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.administration = administration;
		this.mails = mails;
		this.audit = audit;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.clock = clock;
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
						.filter(a -> a.email != null && a.email.trim().toLowerCase(Locale.ROOT)
							.equals(email.trim().toLowerCase(Locale.ROOT)))
						.filter(a -> a.state == AccountState.ACTIVE || a.state == AccountState.PENDING_ACTIVATION);
					account.ifPresent(a -> lock(a, "sign-in-page", a.loginId));
				}));
	}

	/** A report by the user's administrator (or by the user, signed in). */
	@Transactional
	public void report(UUID customerId, String loginId) {
		Account account = accounts.ofCustomer(customerId, loginId)
			.filter(a -> a.state != AccountState.RETIRED)
			.orElseThrow(IdentityException::notFound);
		lock(account, "administrator", tenancy.actor().id());
	}

	@Transactional(readOnly = true)
	public List<Report> open() {
		return jdbc.sql("""
				SELECT r.id, a.login_id, r.customer_id, r.channel, r.reported_by, r.reported_at, r.origin, r.handled_at, r.handled_by
				FROM identity.lost_credential_reports r JOIN identity.accounts a ON a.id = r.account_id
				ORDER BY r.handled_at IS NOT NULL, r.reported_at DESC LIMIT 500""")
			.query((rs, n) -> new Report(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)))
			.list();
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
		administration.endAccess(account);
		jdbc.sql("""
				INSERT INTO identity.lost_credential_reports (id, account_id, customer_id, channel, reported_by, reported_at, origin)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), account.id, account.customerId, channel, reportedBy,
					Timestamp.from(clock.instant()), tenancy.current().origin())
			.update();
		boolean guessed = WRONG_CODES.equals(channel);
		mails.lostCredentialsReported(account, account, guessed);
		if (account.customerId != null) {
			accounts.activeAdministrators(account.customerId).stream()
				.filter(admin -> !admin.id.equals(account.id))
				.forEach(admin -> mails.lostCredentialsReported(account, admin, guessed));
		}
		audit.record(AuditRecord.of("user.credentials-reported-lost", "user", account.loginId)
			.forCustomer(account.customerId)
			.with("channel", channel));
	}
}
