package portal.identity.credentials;

import java.util.Base64;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.2 Secrets and hashes carry at least 128 bits of security")
class CryptographicStrengthTests {

	@Test
	@DisplayName("R-6.2 ASVS 11.2.3 TOTP seeds have 160 bits and links and tokens 256 bits")
	void randomSecretsAreLongEnough() {
		assertThat(new Base32().decode(Totp.newSecret())).hasSize(20);
		assertThat(Base64.getUrlDecoder().decode(Secrets.random(32))).hasSize(32);
		assertThat(Secrets.digest("anything")).hasSize(32);
	}

	@Test
	@DisplayName("R-6.2 ASVS 11.2.3 Argon2id hashes use a 16-byte salt, a 32-byte output and the OWASP cost")
	void passwordHashesUseLongSalts() {
		String hash = new PasswordHashing().passwordEncoder().encode("correct horse battery staple");
		// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
		String[] parts = hash.split("\\$");
		assertThat(parts[1]).isEqualTo("argon2id");
		assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
		assertThat(Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
		assertThat(Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
	}

	private static String pad(String base64) {
		return base64 + "=".repeat((4 - base64.length() % 4) % 4);
	}
}
