package portal.platform.session;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.3 Session ids from a CSPRNG with 256 bits")
class RandomSessionIdsTests {

	@Test
	@DisplayName("R-6.3 every id decodes to 32 bytes and none repeats")
	void idsCarry256BitsAndDiffer() {
		RandomSessionIds ids = new RandomSessionIds();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = ids.generate();
			assertThat(id).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
			assertThat(seen.add(id)).isTrue();
		}
	}
}
