package portal.identity.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new personal API token: a name to recognise it by and how many days it stays valid. */
record TokenForm(
		@NotBlank(message = "identity.page.error.required") @Size(max = 80, message = "identity.page.error.too-long") String name,
		@NotNull(message = "identity.page.error.required") @Min(value = 1, message = "identity.page.error.refused.validDays")
		@Max(value = 365, message = "identity.page.error.refused.validDays") Integer validDays) {

	static final List<String> FIELDS = List.of("name", "validDays");

	static TokenForm empty() {
		return new TokenForm("", 90);
	}
}
