package portal.identity.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A report of lost or stolen login information from someone who cannot sign in. */
record LostCredentialsForm(
		@NotBlank(message = "identity.page.error.required") @Size(max = 64, message = "identity.page.error.too-long") String loginId,
		@NotBlank(message = "identity.page.error.required") @Size(max = 254, message = "identity.page.error.too-long") String email) {

	static final List<String> FIELDS = List.of("loginId", "email");

	static LostCredentialsForm empty() {
		return new LostCredentialsForm("", "");
	}
}
