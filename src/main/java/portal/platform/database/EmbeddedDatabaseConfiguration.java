package portal.platform.database;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is set (early, in
 * parallel with the rest of the context: {@link EmbeddedDatabaseStart}), and wires
 * the application's pool (as the RLS-bound application role) and the migration data
 * source (as the schema owner) to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	// Static: a bean factory post-processor, created before every other bean, so that the
	// server starts while the context is being built.
	@Bean
	static EmbeddedDatabaseStart embeddedDatabaseStart() {
		return new EmbeddedDatabaseStart();
	}

	// The start owns the server and stops it after everything that uses it has closed.
	@Bean(destroyMethod = "")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseStart start) throws IOException {
		return start.await();
	}

	@Bean
	@Primary
	HikariDataSource dataSource(EmbeddedDatabase database,
			@Value("${portal.embedded.pool-size:10}") int poolSize,
			@Value("${spring.datasource.hikari.connection-timeout:2000}") long connectionTimeoutMillis) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("portal");
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.appRole());
		pool.setPassword(database.appPassword());
		pool.setMaximumPoolSize(poolSize);
		// While the database is away, requests fail fast instead of piling up for 30 s each.
		pool.setConnectionTimeout(connectionTimeoutMillis);
		return pool;
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(EmbeddedDatabase database) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(), database.ownerRole(),
				database.ownerPassword());
	}
}
