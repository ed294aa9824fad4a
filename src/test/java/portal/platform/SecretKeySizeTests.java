package portal.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-6.2 The key that seals secrets at rest is AES-256")
class SecretKeySizeTests {

	@TempDir
	Path dataDir;

	@Test
	@DisplayName("R-6.2 ASVS 11.2.3 a generated key has 256 bits and a shorter operator key is refused")
	void keysAre256Bits() throws Exception {
		new SecretKeysConfiguration()
			.sealedSecrets(new MockEnvironment().withProperty("portal.data-dir", dataDir.toString()));
		String generated = Files.readString(dataDir.resolve(SecretKeysConfiguration.GENERATED_FILE)).trim();
		assertThat(Base64.getDecoder().decode(generated)).hasSize(32);
		assertThat(SecretKeys.Key.of(new byte[32]).key().getEncoded()).hasSize(32);
		assertThat(SecretKeys.Key.of(new byte[32]).key().getAlgorithm()).isEqualTo("AES");
		for (int size : new int[] { 16, 24, 31, 33 }) {
			assertThatThrownBy(() -> SecretKeys.Key.of(new byte[size])).as("%d bytes", size)
				.isInstanceOf(IllegalStateException.class);
		}
		MockEnvironment external = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/portal")
			.withProperty("portal.secrets.key", Base64.getEncoder().encodeToString(new byte[16]));
		assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(external))
			.isInstanceOf(IllegalStateException.class);
	}
}
