package portal.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-6.2 Where the secrets key comes from")
class SecretKeysConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	@DisplayName("R-6.2 with the embedded database a key is generated once into the data directory, owner-only")
	void generatesOnceOwnerOnly() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString());
		SealedSecrets first = new SecretKeysConfiguration().sealedSecrets(environment);
		Path file = dataDir.resolve(SecretKeysConfiguration.GENERATED_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String sealed = first.seal("secret", "c");
		SealedSecrets second = new SecretKeysConfiguration().sealedSecrets(environment);
		assertThat(second.open(sealed, "c")).isEqualTo(new SealedSecrets.Opened("secret", true));
	}

	@Test
	@DisplayName("R-6.2 an external database outside demo mode needs an operator's key")
	void externalNeedsAKey() throws Exception {
		MockEnvironment external = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/portal");
		assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(external))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRETS_KEY");
		Path keyFile = Files.writeString(dataDir.resolve("operator.key"), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
		external.setProperty("portal.secrets.key-file", keyFile.toString());
		external.setProperty("portal.secrets.previous-key", "HxwdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
		SealedSecrets secrets = new SecretKeysConfiguration().sealedSecrets(external);
		assertThat(secrets.open(secrets.seal("s", "c"), "c").secret()).isEqualTo("s");
		assertThat(dataDir.resolve(SecretKeysConfiguration.GENERATED_FILE)).doesNotExist();
	}
}
