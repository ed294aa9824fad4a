package portal.audit;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@DisplayName("R-AUD ASVS 16.4.3 every committed audit entry is also logged for a separate system")
class AuditTrailLogIntegrationTests {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	private Logger logger;

	private Level level;

	record PlanNamed(UUID customer, String name) implements Auditable {

		@Override
		public AuditRecord auditRecord() {
			return AuditRecord.of("plan.named", "plan", name).forCustomer(customer).with("length", name.length());
		}
	}

	@BeforeEach
	void capture() {
		logger = (Logger) LoggerFactory.getLogger(AuditTrailLog.LOGGER);
		level = logger.getLevel();
		logger.setLevel(Level.INFO);
		captured.start();
		logger.addAppender(captured);
	}

	@AfterEach
	void release() {
		logger.detachAppender(captured);
		logger.setLevel(level);
		captured.stop();
	}

	@Test
	@DisplayName("R-AUD ASVS 16.4.3 one log event per committed entry, with its chain, number, hash, actor, action, target, customer and time")
	void logsEachCommittedEntry() {
		UUID customer = UUID.randomUUID();
		inCustomer(customer, () -> transactions.executeWithoutResult(status -> {
			events.publishEvent(new PlanNamed(customer, "first"));
			events.publishEvent(new PlanNamed(customer, "second"));
			assertThat(eventsFor(customer)).as("nothing before the commit").isEmpty();
		}));

		List<Map<String, Object>> stored = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT chain, seq, hash, actor, action, target_type, target_id, occurred_at FROM audit.entries
				WHERE customer_id = ? ORDER BY seq""")
			.param(customer)
			.query((rs, row) -> Map.<String, Object>of("audit.chain", rs.getString("chain"), "audit.seq",
					rs.getLong("seq"), "audit.hash", HexFormat.of().formatHex(rs.getBytes("hash")), "audit.actor",
					rs.getString("actor"), "audit.action", rs.getString("action"), "audit.target_id",
					rs.getString("target_id"), "audit.occurred_at",
					rs.getTimestamp("occurred_at").toInstant().toString()))
			.list());
		assertThat(stored).hasSize(2);
		List<Map<String, Object>> logged = eventsFor(customer);
		assertThat(logged).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(logged.get(i)).containsAllEntriesOf(stored.get(i))
				.containsEntry("audit.customer_id", customer.toString())
				.containsEntry("audit.target_type", "plan")
				.containsEntry("audit.origin", "198.51.100.4")
				.containsEntry("audit.details", "{\"length\":" + (i == 0 ? 5 : 6) + "}");
		}
		assertThat(captured.list).filteredOn(event -> event.getFormattedMessage().contains(customer.toString()))
			.allSatisfy(event -> assertThat(event.getFormattedMessage()).contains("action=plan.named"));
	}

	@Test
	@DisplayName("R-AUD ASVS 16.4.3 an entry whose change rolls back is never logged")
	void rolledBackEntryIsNotLogged() {
		UUID customer = UUID.randomUUID();
		inCustomer(customer, () -> transactions.executeWithoutResult(status -> {
			events.publishEvent(new PlanNamed(customer, "undone"));
			status.setRollbackOnly();
		}));
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> jdbc.sql("SELECT count(*) FROM audit.entries WHERE customer_id = ?").param(customer)
					.query(Long.class).single())).isZero();
		assertThat(eventsFor(customer)).isEmpty();

		inCustomer(customer, () -> transactions.executeWithoutResult(status ->
				events.publishEvent(new PlanNamed(customer, "kept"))));
		assertThat(eventsFor(customer)).singleElement()
			.satisfies(event -> assertThat(event).containsEntry("audit.target_id", "kept"));
	}

	private void inCustomer(UUID customer, Runnable work) {
		tenancy.call(new Tenancy.Context(Actor.user("CP-TEST-0002"), TenantScope.customer(customer), "198.51.100.4"),
				() -> {
					work.run();
					return null;
				});
	}

	private List<Map<String, Object>> eventsFor(UUID customer) {
		return captured.list.stream()
			.map(event -> event.getKeyValuePairs() == null ? Map.<String, Object>of()
					: event.getKeyValuePairs().stream()
						.collect(Collectors.toMap(pair -> pair.key, pair -> (Object) pair.value, (a, b) -> b)))
			.filter(pairs -> customer.toString().equals(pairs.get("audit.customer_id")))
			.toList();
	}
}
