package portal.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
		return DriverManager.getConnection(url, "postgres", "");
	}
}
