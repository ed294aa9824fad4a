package portal.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded server's role passwords, generated once and kept in the data directory in a
 * file only its owner can read, so the server never needs to trust a connection.
 */
final class DatabasePasswords {

	static final String FILE = "database-passwords.properties";

	private final Path file;

	private final Properties values;

	private final boolean established;

	private DatabasePasswords(Path file, Properties values, boolean established) {
		this.file = file;
		this.values = values;
		this.established = established;
	}

	static DatabasePasswords in(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE);
		Properties values = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				values.load(reader);
			}
			return new DatabasePasswords(file, values, true);
		}
		for (String role : new String[] { "superuser", "owner", "app" }) {
			values.setProperty(role, randomSecret());
		}
		return new DatabasePasswords(file, values, false);
	}

	/** True once the superuser's password is set and kept; until then the server has none. */
	boolean established() {
		return established;
	}

	String superuser() {
		return values.getProperty("superuser");
	}

	String owner() {
		return values.getProperty("owner");
	}

	String app() {
		return values.getProperty("app");
	}

	void store() throws IOException {
		Path partial = file.resolveSibling(FILE + ".new");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (Writer writer = Files.newBufferedWriter(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
			values.store(writer, "Passwords of the embedded PostgreSQL's roles; keep this file private");
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
