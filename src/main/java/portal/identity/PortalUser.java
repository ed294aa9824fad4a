package portal.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.ServiceLimit;
import portal.platform.TenantScope;

/**
 * The signed-in person, as kept in the session: who they are, for which customer (or
 * which contracting company's customers, for affiliate staff), and their roles. Holds no
 * secret. Its name is the login ID, which also indexes the person's sessions.
 */
public record PortalUser(UUID accountId, String loginId, boolean staff, UUID customerId, String companyScope,
		String displayName, Set<Role> roles, List<String> serviceScope, List<String> instanceScope,
		boolean viaApiToken)
		implements PortalPrincipal, Principal, Serializable {

	public PortalUser {
		roles = Set.copyOf(roles);
		serviceScope = List.copyOf(serviceScope);
		instanceScope = List.copyOf(instanceScope);
		displayName = displayName == null ? loginId : displayName;
	}

	@Override
	public Actor actor() {
		return staff ? Actor.staff(loginId) : Actor.user(loginId);
	}

	@Override
	public TenantScope scope() {
		if (!staff) {
			return TenantScope.customer(customerId);
		}
		return companyScope == null ? TenantScope.allCustomers() : TenantScope.company(companyScope);
	}

	@Override
	public ServiceLimit limit() {
		return staff ? ServiceLimit.NONE : new ServiceLimit(Set.copyOf(serviceScope), Set.copyOf(instanceScope));
	}

	@Override
	public String getName() {
		return loginId;
	}

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public List<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(staff ? "ROLE_STAFF" : "ROLE_CUSTOMER"));
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}
}
