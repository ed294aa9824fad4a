package portal.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import portal.PortalIntegrationTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalIntegrationTest
@DisplayName("R-AUD The audit trail")
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	record NoteChanged(UUID customer, String note) implements Auditable {

		@Override
		public AuditRecord auditRecord() {
			return AuditRecord.of("note.changed", "note", note).forCustomer(customer).with("length", note.length());
		}
	}

	@Test
	@DisplayName("R-AUD R-6.3 an entry carries actor, actor kind, customer, action, target, origin and details")
	void recordsWhoDidWhatFromWhere() {
		UUID customer = UUID.randomUUID();
		tenancy.call(new Tenancy.Context(Actor.user("CP-TEST-0001"), TenantScope.customer(customer), "203.0.113.9"),
				() -> transactions.execute(status -> {
					events.publishEvent(new NoteChanged(customer, "hello"));
					return null;
				}));
		AuditPage page = tenancy.call(Actor.user("CP-TEST-0001"), TenantScope.customer(customer),
				() -> trail.find(new AuditQuery(null, null, null, null, null, 0, 10)));
		assertThat(page.entries()).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo("CP-TEST-0001");
			assertThat(entry.actorKind()).isEqualTo("USER");
			assertThat(entry.customerId()).isEqualTo(customer);
			assertThat(entry.action()).isEqualTo("note.changed");
			assertThat(entry.targetType()).isEqualTo("note");
			assertThat(entry.targetId()).isEqualTo("hello");
			assertThat(entry.origin()).isEqualTo("203.0.113.9");
			assertThat(entry.details()).containsEntry("length", 5);
		});
	}

	@Test
	@DisplayName("R-AUD a change that rolls back leaves no entry")
	void rolledBackChangeLeavesNoEntry() {
		UUID customer = UUID.randomUUID();
		assertThatThrownBy(() -> tenancy.run(Actor.job("test"), TenantScope.system(), () -> transactions.execute(status -> {
			events.publishEvent(new NoteChanged(customer, "doomed"));
			throw new IllegalStateException("the change fails after publishing");
		}))).isInstanceOf(IllegalStateException.class);
		long entries = tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> jdbc.sql("SELECT count(*) FROM audit.entries WHERE customer_id = ?").param(customer)
					.query(Long.class).single());
		assertThat(entries).isZero();
	}

	@Test
	@DisplayName("R-AUD a trail whose first entry rolled back starts at the next entry, unbroken")
	void trailStartsAfterARolledBackFirstEntry() {
		UUID customer = UUID.randomUUID();
		assertThatThrownBy(() -> tenancy.run(Actor.job("test"), TenantScope.system(), () -> transactions.execute(status -> {
			events.publishEvent(new NoteChanged(customer, "first, doomed"));
			throw new IllegalStateException("the change fails after publishing");
		}))).isInstanceOf(IllegalStateException.class);

		recordAsSystem(customer, "second");
		recordAsSystem(customer, "third");

		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> jdbc.sql("SELECT seq FROM audit.entries WHERE customer_id = ? ORDER BY seq").param(customer)
					.query(Long.class).list())).containsExactly(1L, 2L);
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> trail.verify()).broken())
			.noneMatch(link -> link.chain().equals(customer.toString()));
	}

	@Test
	@DisplayName("R-AUD customers read only their own trail")
	void customersSeeOnlyTheirOwnEntries() {
		UUID alpha = UUID.randomUUID();
		UUID beta = UUID.randomUUID();
		recordAsSystem(alpha, "a1");
		recordAsSystem(beta, "b1");
		AuditPage seenByAlpha = tenancy.call(Actor.user("A"), TenantScope.customer(alpha),
				() -> trail.find(new AuditQuery(null, null, beta, null, null, 0, 50)));
		assertThat(seenByAlpha.entries()).extracting(AuditEntry::customerId).containsOnly(alpha).isNotEmpty();
	}

	@Test
	@DisplayName("R-AUD the application's role cannot change or remove audit rows")
	void applicationRoleCannotRewriteHistory() {
		recordAsSystem(UUID.randomUUID(), "kept");
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> {
			assertThatThrownBy(() -> jdbc.sql("UPDATE audit.entries SET action = 'forged'").update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entries").update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
		});
	}

	@Test
	@DisplayName("R-AUD verification holds for an untouched trail and names the first altered link")
	void verificationFindsAlteredRow() throws Exception {
		UUID customer = UUID.randomUUID();
		for (int i = 1; i <= 3; i++) {
			recordAsSystem(customer, "note-" + i);
		}
		assertThat(verifyChain(customer)).isNull();
		try (Connection connection = TestDatabase.superuser(dataSource); Statement sql = connection.createStatement()) {
			sql.execute("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
			sql.execute("UPDATE audit.entries SET target_id = 'forged' WHERE chain = '" + customer + "' AND seq = 2");
			sql.execute("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only");
		}
		ChainVerification.BrokenLink broken = verifyChain(customer);
		assertThat(broken).isNotNull();
		assertThat(broken.seq()).isEqualTo(2);
		assertThat(broken.reason()).contains("content");
	}

	@Test
	@DisplayName("R-AUD verification names the link after a deleted row, and a trail cut short at its end")
	void verificationFindsDeletedRows() throws Exception {
		UUID customer = UUID.randomUUID();
		for (int i = 1; i <= 4; i++) {
			recordAsSystem(customer, "note-" + i);
		}
		try (Connection connection = TestDatabase.superuser(dataSource); Statement sql = connection.createStatement()) {
			sql.execute("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
			sql.execute("DELETE FROM audit.entries WHERE chain = '" + customer + "' AND seq = 2");
			sql.execute("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only");
		}
		ChainVerification.BrokenLink broken = verifyChain(customer);
		assertThat(broken).isNotNull();
		assertThat(broken.seq()).isEqualTo(3);
		assertThat(broken.reason()).contains("missing");

		UUID other = UUID.randomUUID();
		recordAsSystem(other, "first");
		recordAsSystem(other, "last");
		try (Connection connection = TestDatabase.superuser(dataSource); Statement sql = connection.createStatement()) {
			sql.execute("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
			sql.execute("DELETE FROM audit.entries WHERE chain = '" + other + "' AND seq = 2");
			sql.execute("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only");
		}
		assertThat(verifyChain(other)).isNotNull().extracting(ChainVerification.BrokenLink::reason)
			.asString().contains("ends before");
	}

	private ChainVerification.BrokenLink verifyChain(UUID customer) {
		ChainVerification result = tenancy.call(Actor.staff("auditor"), TenantScope.allCustomers(), trail::verify);
		assertThat(result.entriesChecked()).isPositive();
		return result.broken().stream().filter(link -> link.chain().equals(customer.toString())).findFirst()
			.orElse(null);
	}

	private void recordAsSystem(UUID customer, String note) {
		tenancy.run(Actor.job("test"), TenantScope.system(),
				() -> trail.record(AuditRecord.of("note.changed", "note", note).forCustomer(customer)));
	}
}
