package portal.platform.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

/**
 * The portal runs on PostgreSQL only, embedded or external, so Spring Data JDBC is told its
 * dialect instead of detecting it over a connection: one connection less at start, and Spring
 * AOT's build-time processing (which creates the dialect) needs no database.
 */
@Configuration(proxyBeanMethods = false)
class PostgresDialect {

	@Bean
	JdbcDialect jdbcDialect() {
		return JdbcPostgresDialect.INSTANCE;
	}
}
