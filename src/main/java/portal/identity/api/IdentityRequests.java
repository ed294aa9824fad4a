package portal.identity.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import portal.identity.IdentityException;
import portal.identity.Role;

/** The JSON bodies of the identity API. */
final class IdentityRequests {

	private IdentityRequests() {
	}

	record AddUserRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(max = 24) String phone, @NotEmpty List<String> roles, List<String> serviceScope,
			List<String> instanceScope, @Size(max = 100) String thirdParty, String language,
			Boolean consentConfirmed, Integer consentTermsVersion, String currentPassword, String code) {

		boolean consented() {
			return Boolean.TRUE.equals(consentConfirmed);
		}

		int termsVersion() {
			return consentTermsVersion == null ? 0 : consentTermsVersion;
		}
	}

	record ChangeUserRequest(@Size(max = 100) String name, @Email @Size(max = 254) String email,
			@Size(max = 24) String phone, @Size(max = 100) String thirdParty, List<String> roles,
			List<String> serviceScope, List<String> instanceScope, Boolean disabled, String currentPassword,
			String code) {
	}

	record ReauthenticationRequest(String currentPassword, String code) {
	}

	record CreateTokenRequest(@NotBlank @Size(max = 80) String name, @NotNull @Min(1) @Max(365) Integer validDays) {
	}

	record ChangePasswordRequest(@NotBlank String currentPassword, @NotBlank String code,
			@NotBlank @Size(max = 128) String newPassword) {
	}

	record LostCredentialsRequest(@NotBlank @Size(max = 64) String loginId, @NotBlank @Size(max = 254) String email) {
	}

	record AddStaffRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(max = 24) String phone, @NotEmpty List<String> roles, String companyScope,
			String language, String currentPassword, String code) {
	}

	static Set<Role> customerRoles(List<String> keys) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String key : keys) {
			roles.add(Role.customerRole(key).orElseThrow(() -> new IdentityException("invalid-role",
					org.springframework.http.HttpStatus.BAD_REQUEST,
					"roles: '" + key + "' is not one of administrator, orderer, viewer.")));
		}
		return roles;
	}

	static Set<Role> staffRoles(List<String> keys) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String key : keys) {
			roles.add(Role.staffRole(key).orElseThrow(() -> new IdentityException("invalid-role",
					org.springframework.http.HttpStatus.BAD_REQUEST, "roles: '" + key
							+ "' is not one of desk, service-manager, publisher, maintenance-planner, auditor, admin.")));
		}
		return roles;
	}
}
