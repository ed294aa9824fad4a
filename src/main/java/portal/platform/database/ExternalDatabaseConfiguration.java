package portal.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Wires an external PostgreSQL: the application's pool from {@code spring.datasource.*}, and
 * migrations as the owner role on the same URL unless Flyway is given a URL of its own.
 * Spring Boot would derive that URL from the application's data source, which it cannot
 * read through the tenancy wrapper.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabase.class)
class ExternalDatabaseConfiguration {

	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties) {
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(Environment environment) {
		String url = first(environment, "spring.flyway.url", "spring.datasource.url");
		boolean ownUser = StringUtils.hasText(environment.getProperty("spring.flyway.user"));
		String user = ownUser ? environment.getProperty("spring.flyway.user")
				: environment.getProperty("spring.datasource.username");
		String password = ownUser ? environment.getProperty("spring.flyway.password")
				: environment.getProperty("spring.datasource.password");
		return new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
	}

	private static String first(Environment environment, String... keys) {
		for (String key : keys) {
			String value = environment.getProperty(key);
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		throw new IllegalStateException("No database URL for migrations");
	}
}
