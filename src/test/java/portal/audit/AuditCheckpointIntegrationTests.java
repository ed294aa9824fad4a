package portal.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Purging the trail behind signed checkpoints. Each test cuts only chains of its own (customers
 * no other test uses), since every test shares one trail.
 */
@PortalIntegrationTest
@DisplayName("R-13.1 R-AUD The audit trail is purged behind signed checkpoints")
class AuditCheckpointIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	/** Three links at one time, then two a minute later; answers the time of the later two. */
	private Instant fiveLinks(UUID customer) {
		for (int i = 1; i <= 3; i++) {
			record(customer, "old-" + i);
		}
		clock.advance(Duration.ofMinutes(1));
		Instant later = clock.instant();
		record(customer, "kept-4");
		record(customer, "kept-5");
		return later;
	}

	@Test
	@DisplayName("R-13.1 links at the cutoff are kept, links before it are purged, and what remains still verifies")
	void purgeThenVerify() {
		UUID customer = UUID.randomUUID();
		Instant later = fiveLinks(customer);
		Instant earlier = later.minus(Duration.ofMinutes(1));

		assertThat(purge(earlier, customer).links()).isZero();
		assertThat(links(customer)).containsExactly(1L, 2L, 3L, 4L, 5L);

		AuditCheckpoints.Purged purged = purge(later, customer);
		assertThat(purged.links()).isEqualTo(3);
		assertThat(purged.chains()).isEqualTo(1);
		assertThat(links(customer)).containsExactly(4L, 5L);
		assertThat(asAuditor(() -> checkpoints.of(customer.toString())))
			.singleElement()
			.satisfies(checkpoint -> {
				assertThat(checkpoint.seq()).isEqualTo(3);
				assertThat(checkpoint.purged()).isEqualTo(3);
			});
		assertThat(brokenLink(customer)).isNull();

		// The chain grows on from what remains, and a second purge leaves a second checkpoint.
		record(customer, "kept-6");
		clock.advance(Duration.ofMinutes(1));
		assertThat(purge(clock.instant(), customer).links()).isEqualTo(3);
		assertThat(links(customer)).isEmpty();
		assertThat(asAuditor(() -> checkpoints.of(customer.toString()))).hasSize(2);
		assertThat(brokenLink(customer)).isNull();
	}

	@Test
	@DisplayName("R-AUD after a purge, editing a remaining entry fails verification")
	void editedRemainingEntry() throws Exception {
		UUID customer = UUID.randomUUID();
		purge(fiveLinks(customer), customer);
		asOwner("UPDATE audit.entries SET target_id = 'forged' WHERE chain = '" + customer + "' AND seq = 4");
		ChainVerification.BrokenLink broken = brokenLink(customer);
		assertThat(broken).isNotNull();
		assertThat(broken.seq()).isEqualTo(4);
		assertThat(broken.reason()).contains("content");
	}

	@Test
	@DisplayName("R-AUD a forged checkpoint fails verification, and so does a removed one")
	void forgedCheckpoint() throws Exception {
		UUID customer = UUID.randomUUID();
		purge(fiveLinks(customer), customer);
		asOwner("UPDATE audit.checkpoints SET purged = 2 WHERE chain = '" + customer + "'");
		assertThat(brokenLink(customer)).isNotNull().extracting(ChainVerification.BrokenLink::reason).asString()
			.contains("signature");
		// Signing checkpoints again after a key rotation never launders a forged one.
		tenancy.call(Actor.job("test"), TenantScope.system(), checkpoints::resign);
		assertThat(brokenLink(customer)).isNotNull().extracting(ChainVerification.BrokenLink::reason).asString()
			.contains("signature");

		// Hiding more links behind a checkpoint moved forward, with its hash, fails too.
		UUID other = UUID.randomUUID();
		purge(fiveLinks(other), other);
		asOwner("UPDATE audit.checkpoints c SET seq = 4, hash = e.hash FROM audit.entries e WHERE c.chain = '" + other
				+ "' AND e.chain = c.chain AND e.seq = 4");
		asOwner("DELETE FROM audit.entries WHERE chain = '" + other + "' AND seq = 4");
		assertThat(brokenLink(other)).isNotNull().extracting(ChainVerification.BrokenLink::reason).asString()
			.contains("signature");

		UUID third = UUID.randomUUID();
		purge(fiveLinks(third), third);
		asOwner("DELETE FROM audit.checkpoints WHERE chain = '" + third + "'");
		assertThat(brokenLink(third)).isNotNull().extracting(ChainVerification.BrokenLink::reason).asString()
			.contains("missing");
	}

	@Test
	@DisplayName("R-AUD the application's role removes links only up to a link a checkpoint names")
	void noCutWithoutCheckpoint() {
		UUID customer = UUID.randomUUID();
		fiveLinks(customer);
		assertThatThrownBy(() -> asAuditor(() -> jdbc.sql("SELECT audit.cut_chain(?, 3)").param(customer.toString())
			.query(Long.class).single())).rootCause().hasMessageContaining("no checkpoint names link 3");
		assertThat(links(customer)).hasSize(5);
	}

	private AuditCheckpoints.Purged purge(Instant cutoff, UUID customer) {
		return tenancy.call(Actor.job("retention-test"), TenantScope.system(),
				() -> checkpoints.purge(cutoff, List.of(customer.toString())));
	}

	private List<Long> links(UUID customer) {
		return asAuditor(() -> jdbc.sql("SELECT seq FROM audit.entries WHERE chain = ? ORDER BY seq")
			.param(customer.toString()).query(Long.class).list());
	}

	private ChainVerification.BrokenLink brokenLink(UUID customer) {
		ChainVerification result = asAuditor(trail::verify);
		return result.broken().stream().filter(link -> link.chain().equals(customer.toString())).findFirst()
			.orElse(null);
	}

	private <T> T asAuditor(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.staff("auditor"), TenantScope.allCustomers(), work);
	}

	private void record(UUID customer, String note) {
		tenancy.run(Actor.job("test"), TenantScope.system(),
				() -> trail.record(AuditRecord.of("note.changed", "note", note).forCustomer(customer)));
	}

	private void asOwner(String statement) throws Exception {
		try (Connection connection = TestDatabase.superuser(dataSource); Statement sql = connection.createStatement()) {
			sql.execute("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only");
			sql.execute(statement);
			sql.execute("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only");
		}
	}
}
