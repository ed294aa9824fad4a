package portal.identity.web;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import portal.identity.UserView;

/**
 * A correction of a user's personal information and of the third party they work for; a new
 * email address also takes the acting administrator's password and code.
 */
record ContactForm(
		@NotBlank(message = "identity.page.error.required") @Size(max = 100, message = "identity.page.error.too-long") String name,
		@NotBlank(message = "identity.page.error.required") @Email(message = "identity.page.error.refused.email") @Size(max = 254, message = "identity.page.error.too-long") String email,
		@NotBlank(message = "identity.page.error.required") @Size(max = 24, message = "identity.page.error.too-long") String phone,
		@Size(max = 100, message = "identity.page.error.too-long") String thirdParty,
		String currentPassword, String code) {

	static final List<String> FIELDS = List.of("name", "email", "phone", "thirdParty", PageErrors.REAUTHENTICATION,
			PageErrors.FORM);

	static ContactForm of(UserView user) {
		return new ContactForm(user.name(), user.email(), user.phone(), user.thirdParty(), null, null);
	}

	ContactForm withoutSecrets() {
		return new ContactForm(name, email, phone, thirdParty, null, null);
	}
}
