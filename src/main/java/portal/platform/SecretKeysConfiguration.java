package portal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

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
 * operator of an external database must supply one. A key file must be private to the
 * portal's user; vault agents, Kubernetes secrets and systemd
 * credentials all deliver such files (README, ADR 0009).
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
			Path path = Path.of(file.trim());
			try {
				requirePrivate(path, environment);
				return Optional.of(SecretKeys.Key.parse(Files.readString(path, StandardCharsets.US_ASCII)));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the secrets key file " + file, ex);
			}
		}
		return Optional.empty();
	}

	// Refuses a key file that others may read or change. Group access is refused too, except
	// for a file systemd placed in the unit's $CREDENTIALS_DIRECTORY: systemd grants the
	// service's user read access by an ACL there, which shows in the group bits, and the
	// directory is the unit's alone. A Kubernetes volume whose pod has an fsGroup makes files
	// group-readable too; PORTAL_SECRETS_KEY_FILE_GROUP_READABLE=true accepts that. File
	// systems without POSIX permissions are not checked.
	static void requirePrivate(Path file, Environment environment) throws IOException {
		if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		boolean others = permissions.contains(PosixFilePermission.OTHERS_READ)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE);
		boolean group = permissions.contains(PosixFilePermission.GROUP_READ)
				|| permissions.contains(PosixFilePermission.GROUP_WRITE);
		boolean groupAccepted = environment.getProperty("portal.secrets.key-file-group-readable", Boolean.class, false)
				|| inCredentialsDirectory(file, environment.getProperty("CREDENTIALS_DIRECTORY"));
		if (others || (group && !groupAccepted)) {
			throw new IllegalStateException("The secrets key file " + file + " is open to "
					+ (others ? "other users" : "its group") + " (" + PosixFilePermissions.toString(permissions)
					+ "): make it readable by the portal's user only, e.g. chmod 400 " + file);
		}
	}

	private static boolean inCredentialsDirectory(Path file, String credentialsDirectory) throws IOException {
		if (!StringUtils.hasText(credentialsDirectory)) {
			return false;
		}
		Path directory = Path.of(credentialsDirectory);
		return Files.isDirectory(directory) && file.toRealPath().startsWith(directory.toRealPath());
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
			requirePrivate(file, environment);
			return SecretKeys.Key.parse(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the secrets key file " + file, ex);
		}
	}
}
