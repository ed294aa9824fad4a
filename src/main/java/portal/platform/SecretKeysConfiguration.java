package portal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import portal.platform.demo.DemoModeEnabled;

/**
 * Where the secrets key comes from: {@code PORTAL_SECRETS_KEY} (base64 of 32 bytes) or the
 * file named by {@code PORTAL_SECRETS_KEY_FILE}, and likewise {@code PORTAL_SECRETS_PREVIOUS_KEY}
 * or {@code _FILE} for the key being rotated out. With the embedded database or in demo
 * mode a key is generated once into the data directory, readable by its owner only; an
 * operator of an external database must supply one.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeysConfiguration {

	static final String GENERATED_FILE = "secrets.key";

	private static final Logger log = LoggerFactory.getLogger(SecretKeysConfiguration.class);

	@Bean
	SealedSecrets sealedSecrets(Environment environment) throws IOException {
		SecretKeys.Key current = configured(environment, "portal.secrets.key", "portal.secrets.key-file")
			.orElseGet(() -> generated(environment));
		Optional<SecretKeys.Key> previous = configured(environment, "portal.secrets.previous-key",
				"portal.secrets.previous-key-file");
		return new SealedSecrets(new SecretKeys(current, previous));
	}

	private static Optional<SecretKeys.Key> configured(Environment environment, String keyProperty,
			String fileProperty) {
		String key = environment.getProperty(keyProperty);
		if (StringUtils.hasText(key)) {
			return Optional.of(SecretKeys.Key.parse(key));
		}
		String file = environment.getProperty(fileProperty);
		if (StringUtils.hasText(file)) {
			try {
				return Optional.of(SecretKeys.Key.parse(Files.readString(Path.of(file), StandardCharsets.US_ASCII)));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the secrets key file " + file, ex);
			}
		}
		return Optional.empty();
	}

	private static SecretKeys.Key generated(Environment environment) {
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (!embedded && !DemoModeEnabled.isEnabled(environment)) {
			throw new IllegalStateException(
					"Set PORTAL_SECRETS_KEY or PORTAL_SECRETS_KEY_FILE (32 random bytes, base64): secrets are sealed with it");
		}
		Path file = Path.of(environment.getProperty("portal.data-dir", "./data")).resolve(GENERATED_FILE);
		try {
			Files.createDirectories(file.getParent());
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			log.info("Generated a secrets key in {}", file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException existing) {
			// Kept from an earlier start: the secrets in the database are sealed with it.
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the secrets key file " + file, ex);
		}
		try {
			return SecretKeys.Key.parse(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the secrets key file " + file, ex);
		}
	}
}
