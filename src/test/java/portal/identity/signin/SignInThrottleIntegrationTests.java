package portal.identity.signin;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import portal.PortalIntegrationTest;
import portal.platform.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@DisplayName("R-6.2 Sign-in throttling per login ID and per client address, shared by every node")
class SignInThrottleIntegrationTests {

	@Autowired
	RateLimits limits;

	/** Budgets are shared through the database: each test names its own keys. */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private SignInThrottle throttle(int perLoginId, int perAddress) {
		return new SignInThrottle(limits, perLoginId, perAddress, 10, 3, 20);
	}

	@Test
	@DisplayName("R-6.2 a login ID gets its number of attempts a minute, whatever the address")
	void limitsEachLoginId() {
		SignInThrottle throttle = throttle(3, 100);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAttempt("CP00000001" + run, "192.0.2." + i + run)).isTrue();
		}
		assertThat(throttle.tryAttempt("CP00000001" + run, "192.0.2.99" + run)).isFalse();
		assertThat(throttle.tryAttempt("CP00000002" + run, "192.0.2.99" + run)).isTrue();
	}

	@Test
	@DisplayName("R-6.2 an address gets its number of attempts a minute, whatever the login IDs")
	void limitsEachAddress() {
		SignInThrottle throttle = throttle(100, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAttempt("CP0000000" + i + run, "192.0.2.1" + run)).isTrue();
		}
		assertThat(throttle.tryAttempt("CP00000009" + run, "192.0.2.1" + run)).isFalse();
		assertThat(throttle.tryAttempt("CP00000009" + run, "192.0.2.2" + run)).isTrue();
	}

	@Test
	@DisplayName("R-6.2 a flood of throttled attempts is audited once a minute per login ID and address")
	void refusalsAreLoggedOncePerWindow() {
		SignInThrottle throttle = throttle(1, 1);
		assertThat(throttle.firstRefusalInWindow("CP00000001" + run, "192.0.2.1" + run)).isTrue();
		assertThat(throttle.firstRefusalInWindow("CP00000001" + run, "192.0.2.1" + run)).isFalse();
		assertThat(throttle.firstRefusalInWindow("CP00000001" + run, "192.0.2.2" + run)).isTrue();
	}

	@Test
	@DisplayName("R-6.2 two nodes share one budget: what one spent, the other cannot spend again")
	void nodesShareOneBudget() {
		SignInThrottle node1 = throttle(2, 100);
		SignInThrottle node2 = throttle(2, 100);
		assertThat(node1.tryAttempt("CP00000005" + run, "198.51.100.1" + run)).isTrue();
		assertThat(node2.tryAttempt("CP00000005" + run, "198.51.100.2" + run)).isTrue();
		assertThat(node1.tryAttempt("CP00000005" + run, "198.51.100.3" + run)).isFalse();
		assertThat(node2.tryAttempt("CP00000005" + run, "198.51.100.4" + run)).isFalse();
	}
}
