package portal.notices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.customers.Customers;
import portal.notices.events.NoticeRequested;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Customers and active accounts for notice tests, written straight to the tables (no
 * sign-in needed), and notice requests published as another module would. Names carry a
 * per-test suffix because all integration tests share one database.
 */
final class NoticeFixtures {

	private final Customers customers;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	NoticeFixtures(Customers customers, JdbcClient jdbc, Tenancy tenancy, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.customers = customers;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Inboxes find every notice addressed to many customers, whoever published it: the
	 * database is shared by every test class, so notices to all that other classes left behind
	 * are cancelled first, for tests that count a new user's inbox exactly.
	 */
	NoticeFixtures withoutEarlierNoticesToAll() {
		asSystem(() -> jdbc.sql("""
				UPDATE notices.notices SET cancelled_at = now()
				WHERE audience IN ('EVERYONE', 'ALL_CUSTOMERS') AND cancelled_at IS NULL""").update());
		return this;
	}

	UUID customer(String name) {
		return asSystem(() -> customers.register(name + " " + run, "JP", "1-1 Test Street").id());
	}

	/** An active user of the customer; returns the login ID. */
	String user(UUID customer, String language, String... roles) {
		String loginId = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		asSystem(() -> jdbc.sql("""
				INSERT INTO identity.accounts (id, login_id, kind, customer_id, name, email, roles, language, state,
					created_at, created_by)
				VALUES (?, ?, 'USER', ?, 'Test Person', ?, ?::text[], ?, 'ACTIVE', ?, 'fixture')""")
			.params(UUID.randomUUID(), loginId, customer, loginId + "@example.test",
					"{" + String.join(",", List.of(roles).stream().map(r -> "CUSTOMER_" + r.toUpperCase(Locale.ROOT))
						.toList()) + "}",
					language, Timestamp.from(Instant.now()))
			.update());
		return loginId;
	}

	/**
	 * Publishes the request in a transaction of its own, as a module's change would, and
	 * waits until the listener, running after the commit on a thread of its own, handled it.
	 */
	void publish(NoticeRequested request) {
		asSystem(() -> transactions.execute(status -> {
			events.publishEvent(request);
			return null;
		}));
		awaitHandled(request.key());
	}

	/** Waits until the publication of the request with this key is complete (the listener finished). */
	void awaitHandled(String key) {
		for (int i = 0; i < 200; i++) {
			int open = asSystem(() -> jdbc.sql("""
					SELECT count(*) FROM platform.event_publication
					WHERE completion_date IS NULL AND serialized_event LIKE '%' || ? || '%'""")
				.param(key).query(Integer.class).single());
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	List<String> mailSubjects(String loginId) {
		return asSystem(() -> jdbc.sql("SELECT subject FROM notices.outbox WHERE recipient = ? ORDER BY seq")
			.param(loginId + "@example.test").query(String.class).list());
	}

	<T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("fixture"), TenantScope.system(), work);
	}

	<T> T asCustomer(UUID customer, String loginId, Supplier<T> work) {
		return tenancy.call(Actor.user(loginId), TenantScope.customer(customer), work);
	}
}
