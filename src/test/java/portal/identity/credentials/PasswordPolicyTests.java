package portal.identity.credentials;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.2 Password rules (ASVS 6.2)")
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	@DisplayName("R-6.2 the blocklist holds at least 10,000 common passwords from a published list")
	void blocklistIsLarge() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	@DisplayName("R-6.2 at least 12 characters, at least 64 allowed, no composition rules")
	void lengthRulesOnly() {
		assertThat(policy.check("short pass", "CP01000011", "Ann Lee")).containsExactly("identity.password.too-short");
		assertThat(policy.check("all lowercase words here", "CP01000011", "Ann Lee")).isEmpty();
		assertThat(policy.check("x".repeat(20) + "y".repeat(44) + "z", "CP01000011", "Ann Lee")).isEmpty();
		assertThat(policy.check("パスワードは長い日本語の文です", "CP01000011", "Ann Lee")).isEmpty();
	}

	@Test
	@DisplayName("R-6.2 common passwords are refused")
	void commonPasswordsRefused() {
		assertThat(policy.check("password1234", "CP01000011", "Ann Lee")).contains("identity.password.common");
		assertThat(policy.check("1qaz2wsx3edc", "CP01000011", "Ann Lee")).contains("identity.password.common");
	}

	@Test
	@DisplayName("R-6.2 passwords containing the login ID or the person's name are refused")
	void loginIdAndNameRefused() {
		assertThat(policy.check("my-cp01000011-secret", "CP01000011", "Ann Lee"))
			.contains("identity.password.contains-login-id");
		assertThat(policy.check("margaret loves tea", "CP01000011", "Margaret Smith"))
			.contains("identity.password.contains-name");
	}
}
