package portal.identity.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.PortalUser;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * What a sign-in attempt leaves behind, in one transaction each: on success the second
 * factor's step, a stronger hash when due and the audit entry; on refusal the failure
 * counts with their consequences and the audit entry, never with a secret.
 */
@Component
class SignInRecords {

	private static final Logger log = LoggerFactory.getLogger(SignInRecords.class);

	private final Accounts accounts;

	private final FailedSignIns failures;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	SignInRecords(Accounts accounts, FailedSignIns failures, Tenancy tenancy, TransactionTemplate transactions,
			AuditTrail audit) {
		this.accounts = accounts;
		this.failures = failures;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.audit = audit;
	}

	SignIn.Outcome succeeded(Account account, long step, String newHash, boolean recovery, String origin) {
		PortalUser user = account.principal(false);
		tenancy.call(new Tenancy.Context(user.actor(), TenantScope.system(), origin), () -> transactions.execute(status -> {
			account.credentials().succeeded(step);
			if (newHash != null) {
				account.changePassword(newHash);
			}
			accounts.updateCredentials(account);
			audit.record(AuditRecord.of("sign-in.succeeded", "account", account.loginId())
				.forCustomer(account.customerId())
				.with("secondFactor", recovery ? "recovery-code" : "totp"));
			return null;
		}));
		return new SignIn.Outcome(java.util.Optional.of(user), "");
	}

	SignIn.Outcome refused(Account account, String loginId, String origin, String reason) {
		Actor actor = account == null ? Actor.ANONYMOUS : (account.staff() ? Actor.staff(loginId) : Actor.user(loginId));
		tenancy.call(new Tenancy.Context(actor, TenantScope.system(), origin), () -> transactions.execute(status -> {
			if (account != null && ("wrong-password".equals(reason) || "wrong-code".equals(reason))) {
				failures.count(accounts.byId(account.id()).orElse(account), "wrong-code".equals(reason));
			}
			audit.record(AuditRecord.of("sign-in.failed", "account", loginId.length() > 64 ? loginId.substring(0, 64) : loginId)
				.forCustomer(account == null ? null : account.customerId())
				.with("reason", reason));
			return null;
		}));
		log.debug("Sign-in refused ({})", reason);
		return new SignIn.Outcome(java.util.Optional.empty(), reason);
	}
}
