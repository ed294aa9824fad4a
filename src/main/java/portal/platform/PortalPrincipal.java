package portal.platform;

/**
 * What the platform needs to know of a signed-in principal: who acts, and for which
 * customers. The identity module's principals implement it; the tenancy filter reads it.
 */
public interface PortalPrincipal {

	Actor actor();

	TenantScope scope();

	/** The services and instances the principal is limited to; none by default. */
	default ServiceLimit limit() {
		return ServiceLimit.NONE;
	}
}
