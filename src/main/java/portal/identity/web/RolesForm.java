package portal.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import portal.identity.Role;
import portal.identity.UserView;

/**
 * A change of a user's roles and of the relevant services they are limited to.
 * Making someone an administrator also takes the acting administrator's password and code.
 */
record RolesForm(List<String> roles, List<String> serviceScope, String currentPassword, String code) {

	static final List<String> FIELDS = List.of("roles", "serviceScope", PageErrors.REAUTHENTICATION, PageErrors.FORM);

	static RolesForm of(UserView user) {
		return new RolesForm(user.roles(), user.serviceScope(), null, null);
	}

	Set<Role> customerRoles() {
		Set<Role> chosen = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.forEach(key -> Role.customerRole(key).ifPresent(chosen::add));
		}
		return chosen;
	}

	List<String> services() {
		return serviceScope == null ? List.of() : serviceScope;
	}

	// Public because templates call it; the expression language sees only public methods.
	public boolean has(String role) {
		return roles != null && roles.contains(role);
	}

	public boolean limitedTo(String service) {
		return serviceScope != null && serviceScope.contains(service);
	}

	RolesForm withoutSecrets() {
		return new RolesForm(roles == null ? List.of() : roles, services(), null, null);
	}
}
