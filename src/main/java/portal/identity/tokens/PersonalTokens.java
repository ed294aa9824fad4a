package portal.identity.tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentitySettings;

/** A person's own API tokens: list, create from a signed-in session, revoke; audited. */
@Service
public class PersonalTokens {

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final IdentitySettings settings;

	private final AuditTrail audit;

	PersonalTokens(ApiTokens tokens, Accounts accounts, IdentitySettings settings, AuditTrail audit) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.settings = settings;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ApiToken> of(PortalUser user) {
		return tokens.of(user.accountId());
	}

	/** Creates a token; only from a signed-in session (password and second factor), never from another token. */
	@Transactional
	public CreatedApiToken create(PortalUser user, String name, int validDays) {
		if (user.viaApiToken()) {
			throw new IdentityException("session-required", HttpStatus.FORBIDDEN,
					"Create API tokens from a signed-in session, not with another token.");
		}
		Duration validity = Duration.ofDays(validDays);
		if (validDays < 1 || validity.compareTo(settings.apiTokenMaxValidity()) > 0) {
			throw IdentityException.invalid("validDays",
					"Choose between 1 and " + settings.apiTokenMaxValidity().toDays() + " days.");
		}
		var owner = accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
		CreatedApiToken created = tokens.create(owner, name, validity);
		audit.record(AuditRecord.of("api-token.created", "api-token", created.token().id())
			.forCustomer(user.customerId())
			.with("name", created.token().name())
			.with("expiresAt", created.token().expiresAt().toString()));
		return created;
	}

	@Transactional
	public void revoke(PortalUser user, UUID tokenId) {
		tokens.revoke(user.accountId(), tokenId);
		audit.record(AuditRecord.of("api-token.revoked", "api-token", tokenId).forCustomer(user.customerId()));
	}
}
