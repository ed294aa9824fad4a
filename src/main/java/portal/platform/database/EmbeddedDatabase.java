package portal.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * security, so the embedded setup enforces what production does. Every role, the
 * superuser included, signs in with a password (SCRAM); the passwords are generated once
 * and kept in the data directory, readable by its owner only.
 */
class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "portal";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private final DatabasePasswords passwords;

	private final String appRole;

	private final Path dataDirectory;

	EmbeddedDatabase(Path dataDirectory, boolean durable, String sharedBuffers, String appRole) throws IOException {
		this.appRole = appRole;
		this.dataDirectory = dataDirectory;
		Path pgData = dataDirectory.resolve("postgres");
		Files.createDirectories(pgData);
		new OrphanedPostmaster(pgData).stopIfRunning();
		this.passwords = DatabasePasswords.in(dataDirectory);
		long started = System.nanoTime();
		String sync = durable ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!sharedBuffers.isBlank()) {
			builder.setServerConfig("shared_buffers", sharedBuffers);
		}
		this.postgres = builder
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", sync)
			.setServerConfig("synchronous_commit", sync)
			.setServerConfig("full_page_writes", sync)
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100")
			.setServerConfig("password_encryption", "scram-sha-256")
			// Zonky's own readiness check and connections sign in as the superuser, with its password.
			.setConnectConfig("password", passwords.superuser())
			// Before every start, and on the first only with a way in for the superuser to set its password.
			.setDataDirectoryCustomizer(directory -> HostBasedAccess.write(directory.toPath(), !passwords.established()))
			.setPGStartupWait(Duration.ofSeconds(60))
			// The Spring context stops the server after the pool has closed; a JVM hook of its
			// own would race the application's shutdown and cut its last connections.
			.setRegisterShutdownHook(false)
			.start();
		if (!passwords.established()) {
			establishSuperuserPassword(pgData);
		}
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
		return passwords.owner();
	}

	String appRole() {
		return appRole;
	}

	String appPassword() {
		return passwords.app();
	}

	/** The server's superuser; only for tests that must step around the application's roles. */
	DataSource superuser() {
		return superuser(DATABASE);
	}

	private DataSource superuser(String database) {
		return postgres.getDatabase("postgres", database);
	}

	Path dataDirectory() {
		return dataDirectory;
	}

	/**
	 * First start on this directory (or on one from before passwords were kept): initdb left
	 * the superuser without a password, reachable only through the one trust line written
	 * for this moment. Give it its password, then remove that line and reload.
	 */
	private void establishSuperuserPassword(Path pgData) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER ROLE postgres PASSWORD '" + passwords.superuser() + "'");
			passwords.store();
			HostBasedAccess.write(pgData, false);
			statement.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("Could not set the embedded database's superuser password", ex);
		}
	}

	private void prepareRolesAndDatabase() throws IOException {
		try (Connection connection = superuser("postgres").getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : List.of(
					createOrAlterRole(ownerRole(), passwords.owner(), "CREATEROLE"),
					createOrAlterRole(appRole, passwords.app(), "NOCREATEROLE"))) {
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
		String options = "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB " + extra + " PASSWORD '" + password + "'";
		return "DO $$ BEGIN "
				+ "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
				+ "ALTER ROLE " + role + " " + options + "; "
				+ "ELSE CREATE ROLE " + role + " " + options + "; END IF; END $$";
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
