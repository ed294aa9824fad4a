package portal.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentitySettings;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.Totp;

/**
 * Confirms a signed-in person with their password and a fresh one-time code before a
 * sensitive action. It is a sign-in in all but name, so it obeys the same limits: it spends
 * from the login ID's sign-in budget, a failure counts toward the temporary lock, a locked
 * account cannot confirm, and every failure is audited in a transaction of its own, so the
 * refusal that follows does not roll the record back. A success publishes
 * {@link Reauthenticated}, on which the web layer gives the session a new id.
 */
@Service
public class Reauthentications {

	private final Accounts accounts;

	private final PasswordHashes encoder;

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final ApplicationEventPublisher events;

	Reauthentications(Accounts accounts, PasswordHashes encoder, SignInThrottle throttle, AuditTrail audit,
			IdentitySettings settings, Clock clock, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The person's account, re-authenticated and saved in the caller's transaction; refused otherwise. */
	public Account confirm(PortalUser user, Reauthentication given) {
		if (user.viaApiToken()) {
			throw IdentityException.reauthenticationFailed();
		}
		if (given == null || !given.complete()) {
			throw IdentityException.reauthenticationRequired();
		}
		Account account = accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
		Instant now = clock.instant();
		if (!throttle.tryReauthentication(account.loginId()) || account.credentials().isTemporarilyLocked(now)) {
			failed(account, "locked-or-throttled");
			throw IdentityException.reauthenticationFailed();
		}
		String hash = account.credentials().passwordHash();
		boolean passwordOk = hash != null && encoder.matches(given.currentPassword(), hash);
		OptionalLong step = Totp.verify(account.credentials().totpSecret(), given.code(), now,
				account.credentials().totpLastStep());
		if (!passwordOk || step.isEmpty()) {
			failed(account, passwordOk ? "wrong-code" : "wrong-password");
			throw IdentityException.reauthenticationFailed();
		}
		account.credentials().succeeded(step.getAsLong());
		accounts.updateCredentials(account);
		// The web layer renews the session id once the confirmed action commits (ASVS 7.2.4).
		events.publishEvent(new Reauthenticated(account.id()));
		return account;
	}

	private void failed(Account account, String reason) {
		ownTransaction.executeWithoutResult(status -> accounts.byId(account.id()).ifPresent(fresh -> {
			if (!"locked-or-throttled".equals(reason)) {
				fresh.credentials().failedSignIn(settings.maxFailedSignIns(), settings.lockDuration(), clock.instant());
				accounts.updateCredentials(fresh);
			}
			audit.record(AuditRecord.of("reauthentication.failed", "account", fresh.loginId())
				.forCustomer(fresh.customerId())
				.with("reason", reason));
		}));
	}
}
