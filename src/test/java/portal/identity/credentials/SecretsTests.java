package portal.identity.credentials;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.2 Recovery codes carry at least 112 bits")
class SecretsTests {

	@Test
	@DisplayName("R-6.2 a recovery code draws at least 112 bits from an alphabet without look-alikes")
	void recoveryCodesCarryEnoughEntropy() {
		Set<Character> alphabet = new HashSet<>();
		Secrets.RECOVERY_ALPHABET.chars().forEach(c -> alphabet.add((char) c));
		double bits = Secrets.RECOVERY_LENGTH * Math.log(alphabet.size()) / Math.log(2);
		assertThat(bits).isGreaterThanOrEqualTo(112);
		String code = Secrets.recoveryCode();
		assertThat(code).matches("[a-z2-9]{6}(-[a-z2-9]{6}){3}");
		assertThat(code.replace("-", "")).hasSize(Secrets.RECOVERY_LENGTH)
			.doesNotContain("0", "1", "o", "l", "i");
	}
}
