package portal.platform.database;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The embedded database survives a hard kill of the JVM")
class EmbeddedDatabaseRecoveryIntegrationTests {

	@Test
	@DisplayName("after kill -9 the orphaned postmaster is stopped and the data is there on the next start")
	void recoversAfterKill() throws Exception {
		Path dataDir = Files.createTempDirectory(Path.of("target"), "recovery-");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedDatabaseChild.class.getName(), dataDir.toAbsolutePath().toString()))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.contains("READY")) {
				// The child's log lines are not needed, only the signal that it is ready.
			}
			assertThat(line).as("the child JVM started its database").isNotNull();
		}
		child.destroyForcibly();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the postmaster outlived its JVM").hasValue(true);

		try (EmbeddedDatabase restarted = new EmbeddedDatabase(dataDir, true, "", "portal_app");
				Connection connection = restarted.superuser().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT note FROM survivor")) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("written before the crash");
			try (ResultSet fsync = statement.executeQuery("SHOW fsync")) {
				fsync.next();
				assertThat(fsync.getString(1)).isEqualTo("on");
			}
		}
		new File(pidFile.toString()).delete();
	}
}
