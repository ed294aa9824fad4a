package portal.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import portal.platform.Invalidations;

/**
 * {@link Invalidations} over PostgreSQL {@code LISTEN}/{@code NOTIFY}: one channel, payload
 * {@code topic + TAB + key}. A daemon thread listens on a connection of its own (outside the
 * pool); while it is not connected, {@link #listening()} is false and node caches are
 * bypassed, and after every (re)connection all subscribers are told that they may have
 * missed invalidations.
 */
@Component
class PostgresInvalidations implements Invalidations, SmartLifecycle {

	static final String CHANNEL = "portal_invalidation";

	private static final Logger log = LoggerFactory.getLogger(PostgresInvalidations.class);

	private record Subscriber(Consumer<String> onKey, Runnable onMissed) {
	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile Thread listener;

	private volatile Connection connection;

	PostgresInvalidations(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public void publish(String topic, String key) {
		if (topic.indexOf('\t') >= 0) {
			throw new IllegalArgumentException("A topic has no tab: " + topic);
		}
		// Inside a transaction NOTIFY is delivered at commit, and not at all on rollback.
		jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, topic + "\t" + key).query().singleRow();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatch(topic, key);
				}
			});
		}
		else {
			dispatch(topic, key);
		}
	}

	@Override
	public void subscribe(String topic, Consumer<String> onKey, Runnable onMissed) {
		subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new Subscriber(onKey, onMissed));
	}

	@Override
	public boolean listening() {
		return listening;
	}

	private void dispatch(String topic, String key) {
		for (Subscriber subscriber : subscribers.getOrDefault(topic, List.of())) {
			subscriber.onKey().accept(key);
		}
	}

	private void missed() {
		subscribers.values().forEach(list -> list.forEach(s -> s.onMissed().run()));
	}

	private void listen() {
		long backoff = 200;
		while (running) {
			try (Connection listening = open()) {
				connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = listening.unwrap(PGConnection.class);
				this.listening = true;
				missed();
				backoff = 200;
				long lastCheck = System.nanoTime();
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							String payload = notification.getParameter();
							int tab = payload.indexOf('\t');
							if (tab > 0) {
								dispatch(payload.substring(0, tab), payload.substring(tab + 1));
							}
						}
					}
					if (System.nanoTime() - lastCheck > 5_000_000_000L) {
						// A dead server is noticed within seconds even if its socket stays silent.
						try (Statement statement = listening.createStatement()) {
							statement.setQueryTimeout(5);
							statement.execute("SELECT 1");
						}
						lastCheck = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				boolean was = this.listening;
				this.listening = false;
				missed();
				if (running) {
					if (was) {
						log.warn("Lost the cache invalidation channel; node caches are bypassed until it is back: {}",
								ex.getMessage());
					}
					sleep(backoff);
					backoff = Math.min(backoff * 2, 5_000);
				}
			}
			finally {
				this.listening = false;
				connection = null;
			}
		}
	}

	private Connection open() throws SQLException {
		// A connection of its own, outside the pool, so that listening never takes a pooled one.
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
			Connection opened = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
					hikari.getPassword());
			opened.setAutoCommit(true);
			return opened;
		}
		return dataSource.getConnection();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		Thread thread = new Thread(this::listen, "cache-invalidation-listener");
		thread.setDaemon(true);
		listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		listening = false;
		Thread thread = listener;
		if (thread != null) {
			thread.interrupt();
			Connection current = connection;
			if (current != null) {
				try {
					current.close();
				}
				catch (SQLException ignored) {
					// Closing anyway.
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// Stopped before the pool and the embedded server, started after them.
		return Integer.MAX_VALUE - 1000;
	}
}
