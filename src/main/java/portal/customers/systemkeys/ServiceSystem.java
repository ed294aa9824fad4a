package portal.customers.systemkeys;

import org.springframework.security.core.AuthenticatedPrincipal;
import portal.customers.SystemCaller;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.TenantScope;

/**
 * A relevant-service system signed in with its API key. It acts under its key's contracting
 * company's service-system scope: the row-level-security wall lets it see and write only
 * that company's contracts and the instances under them, and the customers holding them.
 */
public record ServiceSystem(String keyId, String keyName, String contractingCompany) implements SystemCaller,
		PortalPrincipal, AuthenticatedPrincipal {

	public static final String AUTHORITY = "ROLE_SERVICE_SYSTEM";

	@Override
	public Actor actor() {
		return Actor.serviceSystem(keyName);
	}

	@Override
	public TenantScope scope() {
		return TenantScope.serviceSystem(contractingCompany);
	}

	@Override
	public String getName() {
		return keyName;
	}
}
