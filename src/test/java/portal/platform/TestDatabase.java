package portal.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Steps around the application's role for tests that must act as an attacker with direct
 * database access (altering audit rows) or inspect what the application cannot.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	/** A connection as the embedded server's superuser, to the portal's database. */
	public static Connection superuser(DataSource applicationDataSource) throws SQLException {
		String url = applicationDataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		String port = url.replaceAll("^jdbc:postgresql://[^:]+:(\\d+)/.*$", "$1");
		return DriverManager.getConnection(url, "postgres", superuserPassword(port));
	}

	/** The embedded server keeps its passwords in its data directory; find the one serving this port. */
	private static String superuserPassword(String port) throws SQLException {
		try (Stream<Path> dataDirectories = Files.list(Path.of("target", "test-data"))) {
			for (Path directory : dataDirectories.toList()) {
				Path pid = directory.resolve("postgres").resolve("postmaster.pid");
				Path passwords = directory.resolve("database-passwords.properties");
				if (Files.isRegularFile(pid) && Files.isRegularFile(passwords)) {
					List<String> lines = Files.readAllLines(pid);
					if (lines.size() > 3 && lines.get(3).trim().equals(port)) {
						Properties values = new Properties();
						try (Reader reader = Files.newBufferedReader(passwords)) {
							values.load(reader);
						}
						return values.getProperty("superuser");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new SQLException("Cannot read the embedded database's passwords", ex);
		}
		throw new SQLException("No embedded database of the tests serves port " + port);
	}
}
