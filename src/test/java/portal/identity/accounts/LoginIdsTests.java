package portal.identity.accounts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.1 Issued login IDs")
class LoginIdsTests {

	@Test
	@DisplayName("R-6.1 login IDs carry a prefix, seven digits and a check digit that catches a mistyped digit")
	void loginIdsAreWellFormedAndCheckable() {
		String user = LoginIds.issue(false, 100001);
		String staff = LoginIds.issue(true, 100002);
		assertThat(user).startsWith("CP0100001").hasSize(10);
		assertThat(staff).startsWith("ST0100002");
		assertThat(LoginIds.isWellFormed(user)).isTrue();
		assertThat(LoginIds.isWellFormed(staff)).isTrue();
		char mistyped = user.charAt(5) == '9' ? '8' : (char) (user.charAt(5) + 1);
		assertThat(LoginIds.isWellFormed(user.substring(0, 5) + mistyped + user.substring(6))).isFalse();
	}

	@Test
	@DisplayName("R-6.1 different numbers never give the same login ID")
	void distinctNumbersGiveDistinctIds() {
		assertThat(LoginIds.issue(false, 1)).isNotEqualTo(LoginIds.issue(false, 2));
		assertThat(LoginIds.issue(false, 7)).isNotEqualTo(LoginIds.issue(true, 7));
	}
}
