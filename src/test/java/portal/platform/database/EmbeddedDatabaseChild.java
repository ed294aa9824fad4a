package portal.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Runs in a separate JVM for the recovery test: starts the embedded database, writes a
 * row, says READY and waits to be killed.
 */
public final class EmbeddedDatabaseChild {

	private EmbeddedDatabaseChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = new EmbeddedDatabase(Path.of(args[0]), true, "", "portal_app");
		try (Connection connection = database.superuser().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
			statement.execute("INSERT INTO survivor VALUES ('written before the crash')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}
