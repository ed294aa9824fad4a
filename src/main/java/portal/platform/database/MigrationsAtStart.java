package portal.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates at start only when something may have changed. After every successful migrate
 * (which validates every applied migration against the packaged ones) it records, as the
 * comment of the schema history table, a fingerprint of the packaged migrations (SHA-256 of
 * their paths and contents) together with the history's state (rows, last rank, sum of
 * checksums, all successful). A start that finds the same packaged migrations and the same
 * history skips Flyway's migrate and its full validation: nothing it would check can differ.
 * Any difference (a new or edited migration, another node's or an operator's change to the
 * history) makes it migrate, hence validate, as before.
 */
@Component
class MigrationsAtStart implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(MigrationsAtStart.class);

	private static final String PREFIX = "portal-migrations ";

	@Override
	public void migrate(Flyway flyway) {
		migrateIfChanged(flyway);
	}

	/** Migrates unless the recorded fingerprint matches; true when Flyway ran. */
	boolean migrateIfChanged(Flyway flyway) {
		Configuration configuration = flyway.getConfiguration();
		String packaged = packagedFingerprint(configuration);
		String table = historyTable(configuration);
		try (Connection connection = configuration.getDataSource().getConnection()) {
			Recorded recorded = recorded(connection, table);
			if (recorded != null && recorded.matches(PREFIX + packaged + " " + recorded.history())) {
				log.info("Schema up to date with the packaged migrations ({}); Flyway not run", recorded.history());
				return false;
			}
		}
		catch (SQLException ex) {
			log.debug("No migration fingerprint readable; migrating", ex);
		}
		flyway.migrate();
		try (Connection connection = configuration.getDataSource().getConnection()) {
			Recorded after = recorded(connection, table);
			if (after != null) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("COMMENT ON TABLE " + table + " IS '" + PREFIX + packaged + " " + after.history() + "'");
				}
			}
		}
		catch (SQLException ex) {
			// Only the next start's shortcut is lost: it will migrate (and validate) in full.
			log.warn("Could not record the migration fingerprint", ex);
		}
		return true;
	}

	private static String historyTable(Configuration configuration) {
		String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
				: configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : "public";
		return quote(schema) + "." + quote(configuration.getTable());
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	// The comment and the history's state, or null when there is no history table yet.
	private static Recorded recorded(Connection connection, String table) throws SQLException {
		try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			exists.setString(1, table);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next() || !rs.getBoolean(1)) {
					return null;
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT obj_description('" + table.replace("'", "''")
						+ "'::regclass, 'pg_class'), count(*), coalesce(max(installed_rank), 0), "
						+ "coalesce(sum(checksum::bigint), 0), coalesce(bool_and(success), true) FROM " + table)) {
			rs.next();
			String history = "rows=" + rs.getLong(2) + " rank=" + rs.getLong(3) + " checksums=" + rs.getLong(4)
					+ " success=" + rs.getBoolean(5);
			return new Recorded(rs.getString(1), history);
		}
	}

	/** SHA-256 over the path and content of every file under the configured classpath locations. */
	static String packagedFingerprint(Configuration configuration) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					configuration.getClassLoader());
			for (Location location : configuration.getLocations()) {
				if (!location.isClassPath()) {
					// Only classpath locations can be fingerprinted: with others, always migrate.
					digest.update(("unfingerprinted " + System.nanoTime()).getBytes());
					continue;
				}
				String root = location.getRootPath();
				Resource[] resources = resolver.getResources("classpath*:" + root + "/**/*");
				Arrays.sort(resources, Comparator.comparing(MigrationsAtStart::pathOf));
				for (Resource resource : resources) {
					if (!resource.isReadable()) {
						continue;
					}
					String path = pathOf(resource);
					digest.update(path.substring(Math.max(0, path.lastIndexOf(root))).getBytes());
					try (InputStream in = resource.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pathOf(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return String.valueOf(resource.getDescription());
		}
	}

	private record Recorded(String comment, String history) {

		boolean matches(String expected) {
			return expected.equals(comment);
		}
	}
}
