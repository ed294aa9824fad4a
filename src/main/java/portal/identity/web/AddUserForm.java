package portal.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import portal.identity.NewUser;
import portal.identity.Role;

/**
 * A new portal user as an administrator registers them. Granting the
 * administrator role also takes the acting administrator's password and a fresh code.
 */
record AddUserForm(
		@NotBlank(message = "identity.page.error.required") @Size(max = 100, message = "identity.page.error.too-long") String name,
		@NotBlank(message = "identity.page.error.required") @Email(message = "identity.page.error.refused.email") @Size(max = 254, message = "identity.page.error.too-long") String email,
		@NotBlank(message = "identity.page.error.required") @Size(max = 24, message = "identity.page.error.too-long") String phone,
		@NotEmpty(message = "identity.page.error.roles-required") List<String> roles,
		List<String> serviceScope,
		@Size(max = 100, message = "identity.page.error.too-long") String thirdParty,
		String language,
		Boolean consentConfirmed,
		Integer consentTermsVersion,
		String currentPassword,
		String code) {

	static final List<String> FIELDS = List.of("name", "email", "phone", "roles", "serviceScope", "thirdParty",
			"language", "consentConfirmed", PageErrors.REAUTHENTICATION, PageErrors.FORM);

	static AddUserForm empty(String language) {
		return new AddUserForm("", "", "", List.of(), List.of(), "", language, false, null, null, null);
	}

	Set<Role> customerRoles() {
		Set<Role> chosen = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.forEach(key -> Role.customerRole(key).ifPresent(chosen::add));
		}
		return chosen;
	}

	boolean grantsAdministrator() {
		return customerRoles().contains(Role.CUSTOMER_ADMINISTRATOR);
	}

	// Public because templates call it; the expression language sees only public methods.
	public boolean consented() {
		return Boolean.TRUE.equals(consentConfirmed);
	}

	public boolean has(String role) {
		return roles != null && roles.contains(role);
	}

	public boolean limitedTo(String service) {
		return serviceScope != null && serviceScope.contains(service);
	}

	NewUser toNewUser() {
		return new NewUser(name.trim(), email.trim(), phone.trim(), customerRoles(),
				serviceScope == null ? List.of() : serviceScope, List.of(), thirdParty, language, consented(),
				consentTermsVersion == null ? -1 : consentTermsVersion);
	}

	/** The form as the page shows it again: the administrator's password and code are never sent back. */
	AddUserForm withoutSecrets() {
		return new AddUserForm(name, email, phone, roles == null ? List.of() : roles,
				serviceScope == null ? List.of() : serviceScope, thirdParty, language, consentConfirmed,
				consentTermsVersion, null, null);
	}
}
