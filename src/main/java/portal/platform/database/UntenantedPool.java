package portal.platform.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool behind the application's tenant-aware data source, for statements on tables that
 * belong to no tenant (rate-limit budgets, sessions). Its connections keep whatever tenant
 * settings they carry, untouched: such statements neither need a scope nor cost the round
 * trip of setting one, and the next tenant-aware checkout still finds the settings it
 * remembered.
 */
public final class UntenantedPool {

	private UntenantedPool() {
	}

	public static DataSource of(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class)
					: dataSource;
		}
		catch (SQLException ex) {
			return dataSource;
		}
	}
}
