package portal.platform;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-7.2 R-12.3 A user's service limit, with the relevant services withheld while suspended")
class ServiceLimitTests {

	@Test
	@DisplayName("R-12.3 a withheld service leaves what a limit allows; a row within the user's own limit is refused with the suspension")
	void withheldServicesAreLeftOutAndRefusedOneByOne() {
		ServiceLimit limit = new ServiceLimit(Set.of(), Set.of()).withholding(Set.of("nexcenter"));
		assertThat(limit.allows("nexcenter", "R-1")).isFalse();
		assertThat(limit.allows("docomo-mobile", "S-1")).isTrue();
		assertThat(limit.allowsService("nexcenter")).isFalse();
		assertThatThrownBy(() -> limit.admits("nexcenter", "R-1")).isInstanceOf(ServiceWithheld.class);
		assertThat(limit.admits("docomo-mobile", "S-1")).isTrue();
		assertThat(limit.withoutWithheld()).isEqualTo(ServiceLimit.NONE);
	}

	@Test
	@DisplayName("R-7.2 a row outside the user's own limit stays unknown even when its service is withheld")
	void outsideTheUsersLimitStaysUnknown() {
		ServiceLimit limit = new ServiceLimit(Set.of("docomo-mobile"), Set.of()).withholding(Set.of("nexcenter"));
		assertThat(limit.admits("nexcenter", "R-1")).isFalse();
		assertThat(new ServiceLimit(Set.of(), Set.of()).withholding(Set.of())).isEqualTo(ServiceLimit.NONE);
	}
}
