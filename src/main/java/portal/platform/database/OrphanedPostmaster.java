package portal.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running on our data directory by a JVM that was killed hard. It holds
 * the directory and the port, so the next start must end it first; PostgreSQL then
 * recovers from its write-ahead log as after any crash.
 */
class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private final Path dataDirectory;

	OrphanedPostmaster(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	void stopIfRunning() throws IOException {
		Optional<ProcessHandle> orphan = livePostmaster();
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		log.warn("Found a PostgreSQL server (pid {}) left running on {}; stopping it before starting again",
				process.pid(), dataDirectory);
		// SIGTERM is PostgreSQL's "smart" shutdown: it waits for clients, of which an orphan has none.
		process.destroy();
		if (!waitForExit(process, Duration.ofSeconds(30))) {
			process.destroyForcibly();
			waitForExit(process, Duration.ofSeconds(10));
		}
	}

	private Optional<ProcessHandle> livePostmaster() throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isPostgres);
	}

	private boolean isPostgres(ProcessHandle process) {
		// A recycled pid may belong to anything by now; only end a postgres process.
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !process.isAlive();
	}
}
