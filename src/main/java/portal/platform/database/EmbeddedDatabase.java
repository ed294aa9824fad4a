package portal.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the portal starts for itself when no external database is set.
 * Its data directory survives restarts; fsync and synchronous commit stay on because this
 * is the portal's real data, not a test fixture. Two roles are (re)created at each start:
 * an owner that runs migrations and an application role that is subject to row-level
 * security, so the embedded setup enforces what production does.
 */
class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "portal";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private final String ownerPassword = randomSecret();

	private final String appPassword = randomSecret();

	private final String appRole;

	EmbeddedDatabase(Path dataDirectory, boolean durable, String appRole) throws IOException {
		this.appRole = appRole;
		Path pgData = dataDirectory.resolve("postgres");
		Files.createDirectories(pgData);
		new OrphanedPostmaster(pgData).stopIfRunning();
		long started = System.nanoTime();
		String sync = durable ? "on" : "off";
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", sync)
			.setServerConfig("synchronous_commit", sync)
			.setServerConfig("full_page_writes", sync)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(Duration.ofSeconds(60))
			// The Spring context stops the server after the pool has closed; a JVM hook of its
			// own would race the application's shutdown and cut its last connections.
			.setRegisterShutdownHook(false)
			.start();
		prepareRolesAndDatabase();
		log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), pgData,
				(System.nanoTime() - started) / 1_000_000);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	String ownerRole() {
		return "portal_owner";
	}

	String ownerPassword() {
		return ownerPassword;
	}

	String appRole() {
		return appRole;
	}

	String appPassword() {
		return appPassword;
	}

	/** The server's superuser; only for tests that must step around the application's roles. */
	DataSource superuser() {
		return postgres.getDatabase("postgres", DATABASE);
	}

	private void prepareRolesAndDatabase() throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : List.of(
					createOrAlterRole(ownerRole(), ownerPassword, "CREATEROLE"),
					createOrAlterRole(appRole, appPassword, "NOCREATEROLE"))) {
				statement.execute(sql);
			}
			if (!databaseExists(statement)) {
				statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ownerRole() + " ENCODING 'UTF8'");
			}
			statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + appRole);
		}
		catch (SQLException ex) {
			throw new IOException("Could not prepare the embedded database", ex);
		}
	}

	private static boolean databaseExists(Statement statement) throws SQLException {
		try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
			return rs.next();
		}
	}

	private static String createOrAlterRole(String role, String password, String extra) {
		// Passwords are fresh at every start: nothing secret is kept on disk.
		String options = "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB " + extra + " PASSWORD '" + password + "'";
		return "DO $$ BEGIN "
				+ "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
				+ "ALTER ROLE " + role + " " + options + "; "
				+ "ELSE CREATE ROLE " + role + " " + options + "; END IF; END $$";
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
