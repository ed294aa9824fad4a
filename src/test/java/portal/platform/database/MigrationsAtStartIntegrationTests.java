package portal.platform.database;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalIntegrationTest
@DisplayName("Migrations at start: skipped only when neither the packaged migrations nor the history changed")
class MigrationsAtStartIntegrationTests {

	@Autowired
	Flyway flyway;

	@Autowired
	MigrationsAtStart migrations;

	@Test
	@DisplayName("the context's start recorded the fingerprint, so the next start does not run Flyway")
	void warmStartSkipsFlyway() {
		assertThat(migrations.migrateIfChanged(flyway)).isFalse();
	}

	@Test
	@DisplayName("a lost fingerprint makes the start migrate (and validate) in full, then record it again")
	void lostFingerprintMigrates() throws Exception {
		execute("COMMENT ON TABLE public.flyway_schema_history IS NULL");
		assertThat(migrations.migrateIfChanged(flyway)).isTrue();
		assertThat(migrations.migrateIfChanged(flyway)).isFalse();
	}

	@Test
	@DisplayName("a change to the history behind the portal's back is caught by Flyway's validation, as before")
	void changedHistoryIsValidated() throws Exception {
		String latest = "(SELECT max(installed_rank) FROM public.flyway_schema_history)";
		execute("UPDATE public.flyway_schema_history SET checksum = checksum + 1 WHERE installed_rank = " + latest);
		try {
			assertThatThrownBy(() -> migrations.migrateIfChanged(flyway)).isInstanceOf(FlywayException.class)
				.hasMessageContaining("checksum mismatch");
		}
		finally {
			execute("UPDATE public.flyway_schema_history SET checksum = checksum - 1 WHERE installed_rank = " + latest);
		}
		assertThat(migrations.migrateIfChanged(flyway)).isFalse();
	}

	@Test
	@DisplayName("the fingerprint covers the content of every packaged migration")
	void fingerprintIsStable() {
		String once = MigrationsAtStart.packagedFingerprint(flyway.getConfiguration());
		assertThat(MigrationsAtStart.packagedFingerprint(flyway.getConfiguration())).isEqualTo(once).hasSize(64);
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
