package portal.agreements.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.Invalidations;

/** The Portal Agreements, one per customer, with their timelines. */
@Repository
class Agreements {

	private static final String COLUMNS = """
			SELECT customer_id, receipt_no, concluded_at, termination_effective_at, termination_origin,
				termination_reason, termination_requested_by, termination_carried_out_at, version
			FROM agreements.agreements""";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	Agreements(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	Optional<Agreement> of(UUID customerId) {
		return jdbc.sql(COLUMNS + " WHERE customer_id = ?").param(customerId).query(Agreements::toAgreement).optional();
	}

	/** The agreement, locked until the transaction ends so that changes to it take turns. */
	Optional<Agreement> lock(UUID customerId) {
		return jdbc.sql(COLUMNS + " WHERE customer_id = ? FOR UPDATE").param(customerId)
			.query(Agreements::toAgreement).optional();
	}

	/** Agreements whose termination is scheduled or executed: what the access check keeps in memory. */
	List<Agreement> withTermination() {
		return jdbc.sql(COLUMNS + " WHERE termination_effective_at IS NOT NULL").query(Agreements::toAgreement).list();
	}

	/** agreements_termination_due: customers whose termination has taken effect and is not yet carried out. */
	List<UUID> terminationsDue(Instant now) {
		return jdbc.sql("""
				SELECT customer_id FROM agreements.agreements
				WHERE termination_effective_at IS NOT NULL AND termination_carried_out_at IS NULL
				AND termination_effective_at <= ? ORDER BY termination_effective_at LIMIT 500""")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	void insert(Agreement agreement) {
		jdbc.sql("""
				INSERT INTO agreements.agreements (customer_id, receipt_no, concluded_at) VALUES (?, ?, ?)
				ON CONFLICT (customer_id) DO NOTHING""")
			.params(agreement.customerId(), agreement.receiptNo().orElse(null), Timestamp.from(agreement.concludedAt()))
			.update();
		entries(agreement);
		accessChanged(agreement.customerId());
	}

	void update(Agreement agreement) {
		jdbc.sql("""
				UPDATE agreements.agreements SET termination_effective_at = ?, termination_origin = ?,
					termination_reason = ?, termination_requested_by = ?, termination_carried_out_at = ?,
					version = version + 1
				WHERE customer_id = ?""")
			.params(agreement.terminationEffectiveAt().map(Timestamp::from).orElse(null),
					agreement.terminationOrigin().map(TerminationOrigin::code).orElse(null),
					agreement.terminationReason().orElse(null), agreement.terminationRequestedBy().orElse(null),
					agreement.terminationCarriedOutAt().map(Timestamp::from).orElse(null), agreement.customerId())
			.update();
		entries(agreement);
		accessChanged(agreement.customerId());
	}

	/** Every node drops its access rules when this transaction commits, and only then. */
	private void accessChanged(UUID customerId) {
		invalidations.publish(AccessRules.CHANGED_TOPIC, customerId.toString());
	}

	/** agreement_events_customer: the timeline, oldest first. */
	List<TimelineEntry> timeline(UUID customerId) {
		return jdbc.sql("""
				SELECT at, kind, detail, actor FROM agreements.agreement_events WHERE customer_id = ?
				ORDER BY at, id LIMIT 500""")
			.param(customerId)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("detail"), rs.getString("actor")))
			.list();
	}

	private void entries(Agreement agreement) {
		for (TimelineEntry entry : agreement.takeEntries()) {
			jdbc.sql("INSERT INTO agreements.agreement_events (customer_id, at, kind, detail, actor) VALUES (?, ?, ?, ?, ?)")
				.params(agreement.customerId(), Timestamp.from(entry.at()), entry.step(), entry.detail(), entry.actor())
				.update();
		}
	}

	private static Agreement toAgreement(ResultSet rs, int row) throws SQLException {
		long receipt = rs.getLong("receipt_no");
		Long receiptNo = rs.wasNull() ? null : receipt;
		return new Agreement(rs.getObject("customer_id", UUID.class), receiptNo, instant(rs, "concluded_at"),
				instant(rs, "termination_effective_at"),
				TerminationOrigin.of(rs.getString("termination_origin")).orElse(null), rs.getString("termination_reason"),
				rs.getString("termination_requested_by"), instant(rs, "termination_carried_out_at"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
