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
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
		external.setProperty("portal.secrets.key-file", keyFile.toString());
		external.setProperty("portal.secrets.previous-key", "HxwdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
		SealedSecrets secrets = new SecretKeysConfiguration().sealedSecrets(external);
		assertThat(secrets.open(secrets.seal("s", "c"), "c").secret()).isEqualTo("s");
		assertThat(dataDir.resolve(SecretKeysConfiguration.GENERATED_FILE)).doesNotExist();
	}

	@Test
	@DisplayName("R-6.2 ASVS 13.3.1 a key file that its group or other users may read is refused at start, with the fix in the message")
	void refusesAKeyFileOthersMayRead() throws Exception {
		Path keyFile = Files.writeString(dataDir.resolve("vault.key"), KEY + "\n");
		MockEnvironment environment = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString())
			.withProperty("portal.secrets.key-file", keyFile.toString());
		for (String loose : new String[] { "rw-r--r--", "r-----r--", "rw-rw----", "r--r-----" }) {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(loose));
			assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(environment)).as(loose)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("secrets key file " + keyFile)
				.hasMessageContaining(loose)
				.hasMessageContaining("chmod 400");
		}
		for (String tight : new String[] { "r--------", "rw-------" }) {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(tight));
			SealedSecrets secrets = new SecretKeysConfiguration().sealedSecrets(environment);
			assertThat(secrets.open(secrets.seal("s", "c"), "c").secret()).as(tight).isEqualTo("s");
		}
		Path previous = Files.writeString(dataDir.resolve("previous.key"), KEY);
		Files.setPosixFilePermissions(previous, PosixFilePermissions.fromString("rw-r--r--"));
		environment.setProperty("portal.secrets.previous-key-file", previous.toString());
		assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(environment))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("previous.key");
	}

	@Test
	@DisplayName("R-6.2 ASVS 13.3.1 group access is accepted only in systemd's credentials directory or when the operator allows it; other users never")
	void groupAccessOnlyWhereAVaultPutsIt() throws Exception {
		Path credentials = Files.createDirectory(dataDir.resolve("credentials"));
		Path keyFile = Files.writeString(credentials.resolve("portal-secrets-key"), KEY);
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--r-----"));
		MockEnvironment systemd = new MockEnvironment().withProperty("portal.data-dir", dataDir.toString())
			.withProperty("CREDENTIALS_DIRECTORY", credentials.toString())
			.withProperty("portal.secrets.key-file", keyFile.toString());
		assertThat(new SecretKeysConfiguration().sealedSecrets(systemd)).isNotNull();

		Path elsewhere = Files.writeString(dataDir.resolve("group.key"), KEY);
		Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("r--r-----"));
		systemd.setProperty("portal.secrets.key-file", elsewhere.toString());
		assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(systemd))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("its group");
		systemd.setProperty("portal.secrets.key-file-group-readable", "true");
		assertThat(new SecretKeysConfiguration().sealedSecrets(systemd)).isNotNull();

		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--r--r--"));
		systemd.setProperty("portal.secrets.key-file", keyFile.toString());
		assertThatThrownBy(() -> new SecretKeysConfiguration().sealedSecrets(systemd))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("other users");
	}

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
}
