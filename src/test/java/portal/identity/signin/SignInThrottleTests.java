package portal.identity.signin;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.2 Sign-in throttling per login ID and per client address")
class SignInThrottleTests {

	@Test
	@DisplayName("R-6.2 a login ID gets its number of attempts a minute, whatever the address")
	void limitsEachLoginId() {
		SignInThrottle throttle = new SignInThrottle(3, 100);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAttempt("CP00000001", "192.0.2." + i)).isTrue();
		}
		assertThat(throttle.tryAttempt("CP00000001", "192.0.2.99")).isFalse();
		assertThat(throttle.tryAttempt("CP00000002", "192.0.2.99")).isTrue();
	}

	@Test
	@DisplayName("R-6.2 an address gets its number of attempts a minute, whatever the login IDs")
	void limitsEachAddress() {
		SignInThrottle throttle = new SignInThrottle(100, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAttempt("CP0000000" + i, "192.0.2.1")).isTrue();
		}
		assertThat(throttle.tryAttempt("CP00000009", "192.0.2.1")).isFalse();
		assertThat(throttle.tryAttempt("CP00000009", "192.0.2.2")).isTrue();
	}

	@Test
	@DisplayName("R-6.2 a flood of throttled attempts is audited once a minute per login ID and address")
	void refusalsAreLoggedOncePerWindow() {
		SignInThrottle throttle = new SignInThrottle(1, 1);
		assertThat(throttle.firstRefusalInWindow("CP00000001", "192.0.2.1")).isTrue();
		assertThat(throttle.firstRefusalInWindow("CP00000001", "192.0.2.1")).isFalse();
		assertThat(throttle.firstRefusalInWindow("CP00000001", "192.0.2.2")).isTrue();
	}
}
