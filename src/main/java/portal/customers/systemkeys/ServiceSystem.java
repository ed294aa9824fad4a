package portal.customers.systemkeys;

import org.springframework.security.core.AuthenticatedPrincipal;
import portal.customers.SystemCaller;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.TenantScope;

/**
 * A relevant-service system signed in with its API key. It acts under the system scope,
 * because the contracts it reports may belong to no Portal Customer yet; what it may write
 * is limited in code to its key's contracting company.
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
		return TenantScope.system();
	}

	@Override
	public String getName() {
		return keyName;
	}
}
