package portal.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalIntegrationTest
@DisplayName("R-6.2 The embedded database takes passwords only, and its secrets are its owner's alone")
class EmbeddedDatabaseAccessIntegrationTests {

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	DataSource dataSource;

	@Test
	@DisplayName("R-6.2 pg_hba.conf has no trust line; every role needs its SCRAM password")
	void passwordsOnly() throws Exception {
		String hba = Files.readString(database.dataDirectory().resolve("postgres").resolve("pg_hba.conf"));
		assertThat(hba.lines().filter(line -> !line.startsWith("#")).toList())
			.allMatch(line -> line.isBlank() || line.endsWith("scram-sha-256"));
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		for (String role : new String[] { "postgres", "portal_owner", "portal_app" }) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "")).as(role)
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "wrong")).as(role)
				.isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
		}
	}

	@Test
	@DisplayName("R-6.2 the generated passwords are readable by the process owner only")
	void generatedPasswordsAreOwnerOnly() throws Exception {
		Path file = database.dataDirectory().resolve(DatabasePasswords.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}
}
