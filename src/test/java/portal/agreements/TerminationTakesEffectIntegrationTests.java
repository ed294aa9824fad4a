package portal.agreements;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.TerminationsTakingEffect;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.platform.Actor;
import portal.platform.Availability;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@DisplayName("R-9.5 A termination takes effect on its date: access refused by time, tokens revoked and users notified")
class TerminationTakesEffectIntegrationTests {

	@Autowired
	Customers customers;

	@Autowired
	AgreementLifecycle lifecycle;

	@Autowired
	TerminationsTakingEffect terminations;

	@Autowired
	Availability availability;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	String run;

	@BeforeEach
	void run() {
		run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	@DisplayName("R-9.5 before the date nothing ends; on it access is refused by time before any job ran; the job revokes "
			+ "the customer's tokens once, audited, and notifies its users with a notice published at the date")
	void terminationTakesEffectOnItsDate() {
		CustomerSummary leaving = customer("Leaving");
		CustomerSummary staying = customer("Staying");
		UUID leavingUser = user(leaving);
		UUID leavingToken = token(leaving, leavingUser);
		UUID stayingToken = token(staying, user(staying));
		LocalDate date = LocalDate.now(clock).plusDays(2);
		Instant effectiveAt = date.atStartOfDay(ZoneOffset.UTC).toInstant();
		tenancy.run(Actor.user("CP-TERM-" + run), TenantScope.customer(leaving.id()),
				() -> lifecycle.requestTermination(leaving.id(), date));

		assertThat(terminations.carryOut()).as("before the date").doesNotContain(leaving.id());
		assertThat(revokedAt(leavingToken)).isNull();
		assertThat(availability.check(leaving.id(), PortalFeature.ESSENTIAL, "")).isEmpty();

		clock.advance(Duration.between(clock.instant(), effectiveAt).plusMinutes(1));
		assertThat(availability.check(leaving.id(), PortalFeature.ESSENTIAL, "")).as("by time, no job run yet").get()
			.satisfies(refusal -> {
				assertThat(refusal.problemType()).isEqualTo("agreement-terminated");
				assertThat(refusal.endsAccess()).isTrue();
			});

		// The scheduled run may have come first: what counts is that it was carried out, once.
		assertThat(terminations.carryOut()).doesNotContain(staying.id());
		Instant revoked = revokedAt(leavingToken);
		assertThat(revoked).isNotNull();
		assertThat(revokedAt(stayingToken)).as("another customer's token").isNull();
		assertThat(count("SELECT count(*) FROM audit.entries WHERE customer_id = ? AND action = 'user.access-ended'",
				leaving.id())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM agreements.agreement_events WHERE customer_id = ? AND kind = 'terminated'",
				leaving.id())).isEqualTo(1);

		assertThat(terminations.carryOut()).as("once only").doesNotContain(leaving.id());
		assertThat(revokedAt(leavingToken)).isEqualTo(revoked);
		assertThat(count("SELECT count(*) FROM agreements.agreement_events WHERE customer_id = ? AND kind = 'terminated'",
				leaving.id())).isEqualTo(1);

		Instant published = awaitNotice("termination:" + leaving.id() + ":effective:" + effectiveAt);
		assertThat(published).isEqualTo(effectiveAt);
		assertThat(count("SELECT count(*) FROM notices.outbox o JOIN notices.notices n ON n.id = o.notice_id"
				+ " WHERE n.key = ? AND o.account_id = ?", "termination:" + leaving.id() + ":effective:" + effectiveAt,
				leavingUser)).isEqualTo(1);
	}

	private Instant awaitNotice(String key) {
		for (int i = 0; i < 200; i++) {
			List<Timestamp> found = system(() -> jdbc.sql("SELECT publish_at FROM notices.notices WHERE key = ?")
				.param(key).query(Timestamp.class).list());
			if (!found.isEmpty()) {
				return found.get(0).toInstant();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No notice " + key);
	}

	private Instant revokedAt(UUID token) {
		java.util.Optional<Instant> at = system(() -> jdbc.sql("SELECT revoked_at FROM identity.api_tokens WHERE id = ?")
			.param(token).query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single());
		return at.orElse(null);
	}

	private long count(String sql, Object... params) {
		return system(() -> jdbc.sql(sql).params(List.of(params)).query(Long.class).single());
	}

	private CustomerSummary customer(String name) {
		return system(() -> {
			CustomerSummary customer = customers.register(name + " Co " + run, "JP", "1-1 Test Street");
			lifecycle.conclude(customer.id(), null);
			return customer;
		});
	}

	private UUID user(CustomerSummary customer) {
		UUID id = UUID.randomUUID();
		String loginId = "t" + id.toString().replace("-", "").substring(0, 10);
		system(() -> jdbc.sql("""
				INSERT INTO identity.accounts (id, login_id, kind, customer_id, name, email, roles, language, state,
					created_at, created_by)
				VALUES (?, ?, 'USER', ?, 'Test Person', ?, '{CUSTOMER_ADMINISTRATOR}', 'en', 'ACTIVE', ?, 'fixture')""")
			.params(id, loginId, customer.id(), loginId + "@example.test", Timestamp.from(clock.instant()))
			.update());
		return id;
	}

	private UUID token(CustomerSummary customer, UUID account) {
		UUID id = UUID.randomUUID();
		system(() -> jdbc.sql("""
				INSERT INTO identity.api_tokens (id, account_id, customer_id, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, 'script', ?, ?, ?)""")
			.params(id, account, customer.id(), id.toString().getBytes(), Timestamp.from(clock.instant()),
					Timestamp.from(clock.instant().plus(Duration.ofDays(90))))
			.update());
		return id;
	}

	private <T> T system(Supplier<T> work) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), work);
	}
}
