package portal.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The embedded database starts early, on its own thread, and is stopped with the context")
class EmbeddedDatabaseStartIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	@DisplayName("started when the bean definitions are known, handed to whoever waits, stopped at close though nobody else closed it")
	void startsEarlyAndStopsAtClose() throws Exception {
		EmbeddedDatabaseStart start = start();
		start.postProcessBeanFactory(new DefaultListableBeanFactory());
		EmbeddedDatabase database = start.await();
		assertThat(start.await()).isSameAs(database);
		String url = database.jdbcUrl();
		try (Connection connection = DriverManager.getConnection(url, database.appRole(), database.appPassword())) {
			assertThat(connection.isValid(5)).isTrue();
		}
		start.destroy();
		assertThatThrownBy(() -> DriverManager.getConnection(url, database.appRole(), database.appPassword()))
			.isInstanceOf(SQLException.class);
	}

	@Test
	@DisplayName("Spring AOT's build-time processing starts no server")
	void noServerDuringAotProcessing() throws Exception {
		EmbeddedDatabaseStart start = start();
		System.setProperty("spring.aot.processing", "true");
		try {
			start.postProcessBeanFactory(new DefaultListableBeanFactory());
		}
		finally {
			System.clearProperty("spring.aot.processing");
		}
		start.destroy();
		assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
	}

	private EmbeddedDatabaseStart start() {
		EmbeddedDatabaseStart start = new EmbeddedDatabaseStart();
		start.setEnvironment(new MockEnvironment().withProperty("portal.data-dir", dataDir.toString())
			.withProperty("portal.embedded.durable", "false")
			.withProperty("spring.flyway.placeholders.appRole", "portal_app"));
		return start;
	}
}
