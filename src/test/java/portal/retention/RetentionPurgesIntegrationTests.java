package portal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.audit.AuditTrail;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class's purge at its boundary, with the job's clock set just inside and just past the
 * period. The rows lie in years no other test uses, and each run of the job applies only the
 * purges under test, so other tests' rows are never touched.
 */
@PortalIntegrationTest
@DisplayName("R-13.1 Retention purges every data class past its period and nothing within it")
class RetentionPurgesIntegrationTests {

	@Autowired
	List<Purge> purges;

	@Autowired
	RetentionPeriods periods;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Tenancy tenancy;

	@Autowired
	CustomerErasures erasures;

	@Autowired
	JdbcClient jdbc;

	private List<RetentionJob.Outcome> runAt(Instant now, DataClass... classes) {
		List<Purge> selected = purges.stream().filter(p -> List.of(classes).contains(p.dataClass())).toList();
		assertThat(selected).hasSize(classes.length);
		return new RetentionJob(selected, periods, audit, transactions, tenancy, Clock.fixed(now, ZoneOffset.UTC),
				erasures).run();
	}

	private Instant justInside(Instant stamped, DataClass dataClass) {
		return stamped.plus(Duration.ofDays(periods.days(dataClass)));
	}

	private Instant justPast(Instant stamped, DataClass dataClass) {
		return justInside(stamped, dataClass).plusSeconds(1);
	}

	@Test
	@DisplayName("R-13.1 a notice goes with its inbox entries once published and over for longer than the period")
	void notices() {
		Instant published = Instant.parse("1991-02-01T08:00:00Z");
		UUID customer = UUID.randomUUID();
		UUID notice = notice(customer, published, null);
		UUID running = notice(customer, published, published.plus(Duration.ofDays(30)));

		runAt(justInside(published, DataClass.NOTICES), DataClass.NOTICES);
		assertThat(count("SELECT count(*) FROM notices.notices WHERE id = ?", notice)).isOne();

		List<RetentionJob.Outcome> outcomes = runAt(justPast(published, DataClass.NOTICES), DataClass.NOTICES);
		assertThat(outcomes).filteredOn(o -> o.dataClass() == DataClass.NOTICES).singleElement()
			.satisfies(o -> assertThat(o.count()).isEqualTo(1));
		assertThat(count("SELECT count(*) FROM notices.notices WHERE id = ?", notice)).isZero();
		assertThat(count("SELECT count(*) FROM notices.inbox WHERE notice_id = ?", notice)).isZero();
		// A maintenance notice counts from the end of its window.
		assertThat(count("SELECT count(*) FROM notices.notices WHERE id = ?", running)).isOne();
		assertThat(auditedPurges(DataClass.NOTICES, "1991-02-01")).isOne();
	}

	@Test
	@DisplayName("R-13.1 a sent mail goes once sent longer ago than the period; an unsent one stays")
	void sentMails() {
		Instant sent = Instant.parse("1991-03-01T08:00:00Z");
		UUID mail = mail(sent, sent);
		UUID unsent = mail(sent, null);

		runAt(justInside(sent, DataClass.SENT_MAILS), DataClass.SENT_MAILS);
		assertThat(count("SELECT count(*) FROM notices.outbox WHERE id = ?", mail)).isOne();

		runAt(justPast(sent, DataClass.SENT_MAILS), DataClass.SENT_MAILS);
		assertThat(count("SELECT count(*) FROM notices.outbox WHERE id = ?", mail)).isZero();
		assertThat(count("SELECT count(*) FROM notices.outbox WHERE id = ?", unsent)).isOne();
		asSystem(() -> jdbc.sql("DELETE FROM notices.outbox WHERE id = ?").param(unsent).update());
	}

	@Test
	@DisplayName("R-13.1 an ended session goes once it expired longer ago than the period")
	void endedSessions() {
		Instant expired = Instant.parse("1991-04-01T08:00:00Z");
		String session = UUID.randomUUID().toString();
		asSystem(() -> jdbc.sql("""
				INSERT INTO platform.spring_session (primary_id, session_id, creation_time, last_access_time,
					max_inactive_interval, expiry_time, principal_name) VALUES (?, ?, ?, ?, 1800, ?, 'CP-OLD')""")
			.params(session, UUID.randomUUID().toString(), expired.toEpochMilli() - 1_800_000,
					expired.toEpochMilli() - 1_800_000, expired.toEpochMilli())
			.update());

		runAt(justInside(expired, DataClass.ENDED_SESSIONS), DataClass.ENDED_SESSIONS);
		assertThat(count("SELECT count(*) FROM platform.spring_session WHERE primary_id = ?", session)).isOne();

		runAt(justPast(expired, DataClass.ENDED_SESSIONS), DataClass.ENDED_SESSIONS);
		assertThat(count("SELECT count(*) FROM platform.spring_session WHERE primary_id = ?", session)).isZero();
	}

	@Test
	@DisplayName("R-13.1 a decided application goes once decided longer ago than the period; an undecided one stays")
	void decidedApplications() {
		Instant decided = Instant.parse("1991-05-01T08:00:00Z");
		long rejected = application(decided, "rejected");
		long received = application(decided.minus(Duration.ofDays(3)), "received");
		try {
			runAt(justInside(decided, DataClass.DECIDED_APPLICATIONS), DataClass.DECIDED_APPLICATIONS);
			assertThat(count("SELECT count(*) FROM agreements.applications WHERE receipt_no = ?", rejected)).isOne();

			runAt(justPast(decided, DataClass.DECIDED_APPLICATIONS), DataClass.DECIDED_APPLICATIONS);
			assertThat(count("SELECT count(*) FROM agreements.applications WHERE receipt_no = ?", rejected)).isZero();
			assertThat(count("SELECT count(*) FROM agreements.applications WHERE receipt_no = ?", received)).isOne();
		}
		finally {
			asSystem(() -> jdbc.sql("DELETE FROM agreements.applications WHERE receipt_no IN (?, ?)")
				.params(rejected, received).update());
		}
	}

	@Test
	@DisplayName("R-13.1 a terminated customer's data is erased once the period after its termination has passed;"
			+ " another customer's rows are untouched")
	void terminatedCustomers() {
		Instant terminated = Instant.parse("1991-06-01T00:00:00Z");
		UUID gone = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		customerData(gone, terminated);
		customerData(other, terminated.plus(Duration.ofDays(1)));
		Map<String, Long> full = rows(gone);
		assertThat(full.values()).allSatisfy(n -> assertThat(n).isPositive());

		runAt(justInside(terminated, DataClass.TERMINATED_CUSTOMERS));
		assertThat(rows(gone)).isEqualTo(full);

		List<RetentionJob.Outcome> outcomes = runAt(justPast(terminated, DataClass.TERMINATED_CUSTOMERS));
		assertThat(outcomes).filteredOn(o -> o.dataClass() == DataClass.TERMINATED_CUSTOMERS).singleElement()
			.satisfies(o -> assertThat(o.count()).isEqualTo(1));
		assertThat(rows(gone)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
		assertThat(rows(other)).isEqualTo(full);
		// Kept: the agreement, and the audit trail, which records what each part deleted.
		assertThat(count("SELECT count(*) FROM agreements.agreements WHERE customer_id = ?", gone)).isOne();
		assertThat(count("""
				SELECT count(*) FROM audit.entries WHERE action = 'retention.customer-erased' AND customer_id = ?
				AND (details -> 'rows' ->> 'identity')::int = 3 AND (details -> 'rows' ->> 'usage')::int = 4
				AND (details -> 'rows' ->> 'orders')::int = 2 AND (details -> 'rows' ->> 'notices')::int = 5""", gone))
			.isOne();

		// Once erased, a customer is not erased again; the other one goes a day later.
		runAt(justPast(terminated, DataClass.TERMINATED_CUSTOMERS).plus(Duration.ofHours(1)));
		assertThat(count("SELECT count(*) FROM audit.entries WHERE action = 'retention.customer-erased'"
				+ " AND customer_id = ?", gone)).isOne();
		runAt(justPast(terminated.plus(Duration.ofDays(1)), DataClass.TERMINATED_CUSTOMERS));
		assertThat(rows(other)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
	}

	// Rows of one customer in every module that keeps some: an account with a token and a session,
	// a notice to it in the inbox with its mail and a calendar feed, an order with its timeline,
	// a usage series with a sample and rollups, and an agreement terminated at the given time.
	private void customerData(UUID customer, Instant terminatedAt) {
		UUID account = UUID.randomUUID();
		String login = "CPX" + customer.toString().substring(0, 7);
		Timestamp at = Timestamp.from(terminatedAt.minus(Duration.ofDays(10)));
		asSystem(() -> {
			jdbc.sql("""
					INSERT INTO identity.accounts (id, login_id, kind, customer_id, roles, state, created_at, created_by)
					VALUES (?, ?, 'USER', ?, '{viewer}', 'ACTIVE', ?, 'test')""").params(account, login, customer, at).update();
			jdbc.sql("""
					INSERT INTO identity.api_tokens (id, account_id, customer_id, name, token_hash, created_at, expires_at)
					VALUES (?, ?, ?, 'old', ?, ?, ?)""")
				.params(UUID.randomUUID(), account, customer, UUID.randomUUID().toString().getBytes(), at, at).update();
			jdbc.sql("""
					INSERT INTO platform.spring_session (primary_id, session_id, creation_time, last_access_time,
						max_inactive_interval, expiry_time, principal_name) VALUES (?, ?, 0, 0, 1800, ?, ?)""")
				.params(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
						Instant.now().plus(Duration.ofDays(1)).toEpochMilli(), login)
				.update();
			UUID notice = notice(customer, terminatedAt.minus(Duration.ofDays(20)), null);
			jdbc.sql("INSERT INTO notices.inbox (notice_id, login_id, customer_id) VALUES (?, ?, ?)")
				.params(notice, login, customer).update();
			jdbc.sql("""
					INSERT INTO notices.outbox (id, customer_id, recipient, subject, body, language, created_at,
						next_attempt_at, notice_id, account_id) VALUES (?, ?, 'old@example.com', 's', 'b', 'en', ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), customer, at, at, notice, account).update();
			jdbc.sql("INSERT INTO notices.calendar_feeds (login_id, customer_id, token_hash, created_at) VALUES (?, ?, ?, ?)")
				.params(login, customer, UUID.randomUUID().toString().getBytes(), at).update();
			UUID order = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO orders.service_orders (id, customer_id, relevant_service, contracting_company, items, state,
						approval_required, submitted_by, order_date, updated_at)
					VALUES (?, ?, 'access-premium', 'COMPANY', '[]', 'completed', false, ?, ?, ?)""")
				.params(order, customer, login, at, at).update();
			jdbc.sql("""
					INSERT INTO orders.order_events (order_id, seq, customer_id, at, state, actor)
					VALUES (?, 1, ?, ?, 'completed', ?)""").params(order, customer, at, login).update();
			long series = jdbc.sql("""
					INSERT INTO usage.series (customer_id, instance_id, metric, relevant_service, interval_seconds,
						percentile95, created_at) VALUES (?, 'OLD-1', 'traffic-in', 'access-premium', 300, true, ?)
					RETURNING id""").params(customer, at).query(Long.class).single();
			LocalDate day = LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC);
			jdbc.sql("SELECT usage.ensure_partition(?)").param(day).query(Boolean.class).single();
			Timestamp hour = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
			jdbc.sql("INSERT INTO usage.samples (customer_id, series_id, at, value) VALUES (?, ?, ?, 1)")
				.params(customer, series, hour).update();
			jdbc.sql("INSERT INTO usage.daily (customer_id, series_id, bucket, count, min, max, sum)"
					+ " VALUES (?, ?, ?, 1, 1, 1, 1)").params(customer, series, hour).update();
			jdbc.sql("""
					INSERT INTO usage.hourly_days (customer_id, series_id, day, hours, count, min, max, sum, p95, sketches)
					VALUES (?, ?, ?, int2send(0::smallint), int4send(1), float8send(1), float8send(1), float8send(1),
						float8send('NaN'), int4send(0))""").params(customer, series, hour).update();
			jdbc.sql("""
					INSERT INTO agreements.agreements (customer_id, concluded_at, termination_effective_at, termination_origin)
					VALUES (?, ?, ?, 'customer')""")
				.params(customer, Timestamp.from(terminatedAt.minus(Duration.ofDays(400))), Timestamp.from(terminatedAt))
				.update();
			return null;
		});
	}

	private Map<String, Long> rows(UUID customer) {
		Map<String, Long> rows = new java.util.TreeMap<>();
		for (String table : new String[] { "identity.accounts", "identity.api_tokens", "notices.notices",
				"notices.inbox", "notices.outbox", "notices.calendar_feeds", "orders.service_orders",
				"orders.order_events", "usage.series", "usage.samples", "usage.hourly_days",
				"usage.daily" }) {
			rows.put(table, count("SELECT count(*) FROM " + table + " WHERE customer_id = ?", customer));
		}
		rows.put("platform.spring_session", count("""
				SELECT count(*) FROM platform.spring_session WHERE principal_name = ?""",
				"CPX" + customer.toString().substring(0, 7)));
		return rows;
	}

	private UUID notice(UUID customer, Instant published, Instant eventEnd) {
		UUID id = UUID.randomUUID();
		asSystem(() -> jdbc.sql("""
				INSERT INTO notices.notices (id, key, kind, audience, customer_id, title_en, body_en, publish_at,
					event_start, event_end, created_at, created_by, updated_at)
				VALUES (?, ?, ?, 'CUSTOMER', ?, 'Old', 'Old notice', ?, ?, ?, ?, 'test', ?)""")
			.params(id, "retention-test-" + id, eventEnd == null ? "GENERAL" : "MAINTENANCE", customer,
					Timestamp.from(published), eventEnd == null ? null : Timestamp.from(published),
					eventEnd == null ? null : Timestamp.from(eventEnd), Timestamp.from(published),
					Timestamp.from(published))
			.update());
		asSystem(() -> jdbc.sql("INSERT INTO notices.inbox (notice_id, login_id, customer_id) VALUES (?, 'CP-OLD', ?)")
			.params(id, customer).update());
		return id;
	}

	private UUID mail(Instant created, Instant sent) {
		UUID id = UUID.randomUUID();
		asSystem(() -> jdbc.sql("""
				INSERT INTO notices.outbox (id, recipient, subject, body, language, created_at, next_attempt_at, sent_at)
				VALUES (?, 'old@example.com', 'Old', 'Old mail', 'en', ?, ?, ?)""")
			.params(id, Timestamp.from(created), Timestamp.from(created.plus(Duration.ofDays(365_000))),
					sent == null ? null : Timestamp.from(sent))
			.update());
		return id;
	}

	private long application(Instant at, String state) {
		long receipt = 9_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
		boolean decided = !state.equals("received");
		asSystem(() -> jdbc.sql("""
				INSERT INTO agreements.applications (receipt_no, token_hash, received_at, legal_name, registered_address,
					country, contact_name, contact_email, contact_phone, contract_numbers, contract_companies, admin_name,
					admin_email, admin_phone, language, consent_terms_version, state, decided_at, decided_by,
					rejection_reason)
				VALUES (?, 'x', ?, 'Old Applicant', 'Old Street', 'JP', 'Old Contact', 'old@example.com', '+81 3 0000 0000',
					'{OLD-1}', '{COMPANY}', 'Old Admin', 'old@example.com', '+81 3 0000 0000', 'en', 1, ?, ?, ?, ?)""")
			.params(receipt, Timestamp.from(at.minus(Duration.ofDays(1))), state, decided ? Timestamp.from(at) : null,
					decided ? "ST-OLD" : null, decided ? "other" : null)
			.update());
		return receipt;
	}

	private long auditedPurges(DataClass dataClass, String inRange) {
		return count("""
				SELECT count(*) FROM audit.entries WHERE action = 'retention.purged' AND target_id = ?
				AND details ->> 'range' LIKE ? AND (details ->> 'count')::bigint > 0""", dataClass.code(),
				"%" + inRange + "%");
	}

	private long count(String sql, Object... params) {
		return asSystem(() -> jdbc.sql(sql).params(params).query(Long.class).single());
	}

	private <T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("retention-test"), TenantScope.system(), work);
	}
}
