package portal.identity.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.catalog.Catalog;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.accounts.IdentitySettings;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.PasswordPolicy;
import portal.identity.credentials.Totp;
import portal.identity.signin.SessionSummary;
import portal.identity.signin.UserSessions;
import portal.identity.tokens.ApiToken;
import portal.identity.tokens.ApiTokens;
import portal.identity.tokens.CreatedApiToken;
import portal.identity.signin.Reauthentication;

/**
 * What people do with their own account: see it and the joint-use register, change the
 * password after re-authenticating, manage their sessions and API tokens, and withdraw
 * (R-PI.2, R-PI.3).
 */
@Service
public class Profiles {

	private final Accounts accounts;

	private final UserAdministration administration;

	private final ApiTokens tokens;

	private final UserSessions sessions;

	private final PasswordPolicy policy;

	private final PasswordHashes encoder;

	private final Catalog catalog;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final Reauthentication reauthentication;

	private final IdentityMails mails;

	Profiles(Accounts accounts, UserAdministration administration, ApiTokens tokens, UserSessions sessions,
			PasswordPolicy policy, PasswordHashes encoder, Catalog catalog, JdbcClient jdbc, AuditTrail audit,
			IdentitySettings settings, Reauthentication reauthentication, IdentityMails mails) {
		this.mails = mails;
		this.accounts = accounts;
		this.administration = administration;
		this.tokens = tokens;
		this.sessions = sessions;
		this.policy = policy;
		this.encoder = encoder;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.reauthentication = reauthentication;
	}

	@Transactional(readOnly = true)
	public UserView me(PortalUser user) {
		return UserView.of(own(user));
	}

	/**
	 * The group companies that may use this user's personal information jointly: the
	 * Company, and each contracting company that holds a contract of the user's customer.
	 */
	@Transactional(readOnly = true)
	public List<JointUse> jointUse(PortalUser user) {
		List<String> codes = new ArrayList<>(List.of("COMPANY"));
		if (user.customerId() != null) {
			jdbc.sql("SELECT company_code FROM platform.customer_companies WHERE customer_id = ? ORDER BY company_code")
				.param(user.customerId())
				.query(String.class)
				.list()
				.stream()
				.filter(code -> !codes.contains(code))
				.forEach(codes::add);
		}
		return codes.stream()
			.flatMap(code -> catalog.company(code).stream())
			.map(company -> new JointUse(company.code(), company.name(), company.country()))
			.toList();
	}

	/** Changes the password and ends the person's other sessions, keeping {@code currentSessionId}. */
	@Transactional
	public void changePassword(PortalUser user, String currentPassword, String code, String newPassword,
			String currentSessionId) {
		Account account = reauthenticated(user, currentPassword, code);
		List<String> problems = policy.check(newPassword, account.loginId, account.name);
		if (!problems.isEmpty()) {
			throw IdentityException.invalid("newPassword: " + String.join(", ", problems));
		}
		account.changePassword(encoder.encode(newPassword));
		accounts.update(account);
		// Whoever may have known the old password loses the sessions it opened; this one stays.
		sessions.endAllExcept(account.loginId, currentSessionId);
		mails.accountChanged(account, "password");
		audit.record(AuditRecord.of("user.password-changed", "user", account.loginId).forCustomer(account.customerId));
	}

	@Transactional(readOnly = true)
	public List<SessionSummary> sessions(PortalUser user, String currentSessionId) {
		return sessions.of(user.loginId(), currentSessionId);
	}

	@Transactional
	public void endSession(PortalUser user, String handle) {
		if (!sessions.end(user.loginId(), handle)) {
			throw new IdentityException("session-not-found", org.springframework.http.HttpStatus.NOT_FOUND,
					"There is no such session.");
		}
		audit.record(AuditRecord.of("session.ended", "user", user.loginId()).forCustomer(user.customerId()));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokens(PortalUser user) {
		return tokens.of(user.accountId());
	}

	/** Creates a token; only from a signed-in session (password and second factor), never from another token. */
	@Transactional
	public CreatedApiToken createToken(PortalUser user, String name, int validDays) {
		if (user.viaApiToken()) {
			throw new IdentityException("session-required", org.springframework.http.HttpStatus.FORBIDDEN,
					"Create API tokens from a signed-in session, not with another token.");
		}
		java.time.Duration validity = java.time.Duration.ofDays(validDays);
		if (validDays < 1 || validity.compareTo(settings.apiTokenMaxValidity()) > 0) {
			throw IdentityException.invalid("validDays: choose between 1 and "
					+ settings.apiTokenMaxValidity().toDays() + " days.");
		}
		CreatedApiToken created = tokens.create(own(user), name, validity);
		audit.record(AuditRecord.of("api-token.created", "api-token", created.token().id())
			.forCustomer(user.customerId())
			.with("name", created.token().name())
			.with("expiresAt", created.token().expiresAt().toString()));
		return created;
	}

	@Transactional
	public void revokeToken(PortalUser user, UUID tokenId) {
		tokens.revoke(user.accountId(), tokenId);
		audit.record(AuditRecord.of("api-token.revoked", "api-token", tokenId).forCustomer(user.customerId()));
	}

	/** Withdrawal of consent (R-PI.3): erase personal information, retire the login ID, end all access. */
	@Transactional
	public void withdraw(PortalUser user) {
		// Irreversible: only a person signed in with both factors, never a long-lived token.
		if (user.viaApiToken()) {
			throw new IdentityException("session-required", org.springframework.http.HttpStatus.FORBIDDEN,
					"Delete your registration from a signed-in session, not with an API token.");
		}
		administration.retire(own(user), "user.withdrew");
	}

	/** Re-authentication before a sensitive action: the current password and a fresh one-time code. */
	@Transactional
	public void reauthenticate(PortalUser user, String password, String code) {
		if (user.viaApiToken()) {
			throw IdentityException.reauthenticationFailed();
		}
		accounts.update(reauthenticated(user, password, code));
	}

	private Account reauthenticated(PortalUser user, String password, String code) {
		return reauthentication.confirm(own(user), password, code);
	}

	private Account own(PortalUser user) {
		return accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
	}
}
