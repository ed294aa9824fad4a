package portal.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.PortalApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the portal the way the README tells an operator to: a PostgreSQL server of its
 * own (a separate postmaster process), the two roles created by the README's statements,
 * and only the environment variables the README names.
 */
@DisplayName("An external PostgreSQL set up as the README says")
class ExternalDatabaseIntegrationTests {

	private static final List<String> README_SETUP = List.of(
			"CREATE ROLE portal_owner LOGIN PASSWORD 'owner-secret' NOSUPERUSER NOBYPASSRLS CREATEROLE",
			"CREATE ROLE portal_app   LOGIN PASSWORD 'app-secret' NOSUPERUSER NOBYPASSRLS",
			"CREATE DATABASE portal OWNER portal_owner",
			"REVOKE ALL ON DATABASE portal FROM PUBLIC",
			"GRANT CONNECT ON DATABASE portal TO portal_app");

	@Test
	@DisplayName("the documented variables start the portal: migrations as the owner, the pool as the application role")
	void startsWithTheReadmeVariables() throws Exception {
		Path directory = Files.createTempDirectory(Path.of("target"), "external-db-");
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("pg"))
			.setCleanDataDirectory(true)
			.start()) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				for (String sql : README_SETUP) {
					statement.execute(sql);
				}
			}
			Map<String, Object> readme = Map.of(
					"SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/portal",
					"SPRING_DATASOURCE_USERNAME", "portal_app", "SPRING_DATASOURCE_PASSWORD", "app-secret",
					"SPRING_FLYWAY_USER", "portal_owner", "SPRING_FLYWAY_PASSWORD", "owner-secret",
					"PORTAL_SECRETS_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
					"PORTAL_DATA_DIR", directory.resolve("data").toString(), "PORT", "0");
			try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class)
				.initializers(context -> context.getEnvironment().getPropertySources()
					.addFirst(new SystemEnvironmentPropertySource("readme", readme)))
				.run()) {
				JdbcClient jdbc = JdbcClient.create(portal.getBean(DataSource.class));
				assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("portal_app");
				assertThat(portal.getBean(DataSource.class)).as("the pool carries the tenant scope")
					.isInstanceOf(TenantAwareDataSource.class);
				try (Connection owner = server.getDatabase("postgres", "portal").getConnection();
						Statement statement = owner.createStatement();
						var rows = statement.executeQuery("SELECT DISTINCT installed_by FROM flyway_schema_history")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo("portal_owner");
					assertThat(rows.next()).isFalse();
				}
			}
		}
	}
}
