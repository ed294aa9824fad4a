package portal.platform;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Signed-in principals for tests that exercise authorization without a sign-in. */
public final class TestPrincipals {

	record Principal(Actor actor, TenantScope scope, ServiceLimit limit) implements PortalPrincipal {

		Principal(Actor actor, TenantScope scope) {
			this(actor, scope, ServiceLimit.NONE);
		}
	}

	private TestPrincipals() {
	}

	public static Authentication customerUser(String loginId, UUID customer, String... roles) {
		return authentication(new Principal(Actor.user(loginId), TenantScope.customer(customer)),
				prefixed("CUSTOMER", roles));
	}

	/** A customer's user limited to some relevant services. */
	public static Authentication limitedCustomerUser(String loginId, UUID customer, java.util.Set<String> services,
			String... roles) {
		return authentication(new Principal(Actor.user(loginId), TenantScope.customer(customer),
				new ServiceLimit(services, java.util.Set.of())), prefixed("CUSTOMER", roles));
	}

	/** A customer's user with any limit, e.g. to some service instances. */
	public static Authentication limitedCustomerUser(String loginId, UUID customer, ServiceLimit limit,
			String... roles) {
		return authentication(new Principal(Actor.user(loginId), TenantScope.customer(customer), limit),
				prefixed("CUSTOMER", roles));
	}

	public static Authentication staff(String loginId, String... roles) {
		return authentication(new Principal(Actor.staff(loginId), TenantScope.allCustomers()), prefixed("STAFF", roles));
	}

	private static String[] prefixed(String group, String... roles) {
		String[] authorities = new String[roles.length + 1];
		authorities[0] = "ROLE_" + group;
		for (int i = 0; i < roles.length; i++) {
			authorities[i + 1] = "ROLE_" + group + "_" + roles[i];
		}
		return authorities;
	}

	private static Authentication authentication(PortalPrincipal principal, String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				AuthorityUtils.createAuthorityList(Arrays.asList(authorities)));
	}
}
