package portal.identity.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A change of one's own password, confirmed with the current password and a one-time code. */
record PasswordForm(@NotBlank(message = "identity.page.error.required") String currentPassword,
		@NotBlank(message = "identity.page.error.required") String code,
		@NotBlank(message = "identity.page.error.required") @Size(max = 128, message = "identity.password.too-long") String newPassword,
		String newPasswordRepeat) {

	static final List<String> FIELDS = List.of("currentPassword", "code", PageErrors.REAUTHENTICATION, "newPassword",
			"newPasswordRepeat");

	static PasswordForm empty() {
		return new PasswordForm(null, null, null, null);
	}

	boolean repeated() {
		return newPassword != null && newPassword.equals(newPasswordRepeat);
	}
}
