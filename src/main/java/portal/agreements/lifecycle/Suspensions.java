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
import portal.platform.PortalFeature;

/** The suspensions and withdrawals, past, present and to come. */
@Repository
class Suspensions {

	private static final String COLUMNS = """
			SELECT id, customer_id, scope, feature, relevant_service, reason, kind, note, announced_at, starts_at,
				ends_at, cure_deadline, lifted_at, lifted_by, created_by
			FROM agreements.suspensions""";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	Suspensions(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	Optional<Suspension> byId(UUID id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(Suspensions::toSuspension).optional();
	}

	/** Those not over at the moment (in force or to come): what the access check keeps in memory. */
	List<Suspension> notOverAt(Instant now) {
		return jdbc.sql(COLUMNS + " WHERE coalesce(lifted_at, ends_at, 'infinity') > ? ORDER BY starts_at")
			.param(Timestamp.from(now)).query(Suspensions::toSuspension).list();
	}

	/** suspensions_customer: the customer's own and everyone's, newest start first. */
	List<Suspension> affecting(UUID customerId, int limit) {
		return jdbc.sql(COLUMNS + " WHERE customer_id = ? OR customer_id IS NULL ORDER BY starts_at DESC LIMIT ?")
			.params(customerId, limit).query(Suspensions::toSuspension).list();
	}

	List<Suspension> recent(int limit) {
		return jdbc.sql(COLUMNS + " ORDER BY starts_at DESC LIMIT ?").param(limit).query(Suspensions::toSuspension)
			.list();
	}

	void insert(Suspension s) {
		jdbc.sql("""
				INSERT INTO agreements.suspensions (id, customer_id, scope, feature, relevant_service, reason, kind, note,
					announced_at, starts_at, ends_at, cure_deadline, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.customerId().orElse(null), s.scope().code(), s.feature().map(Enum::name).orElse(null),
					s.relevantService().orElse(null), s.reason().code(), s.kind().code(), s.note(),
					Timestamp.from(s.announcedAt()), Timestamp.from(s.startsAt()),
					s.endsAt().map(Timestamp::from).orElse(null), s.cureDeadline().map(Timestamp::from).orElse(null),
					s.createdBy())
			.update();
		accessChanged(s);
	}

	void updateLifting(Suspension s) {
		jdbc.sql("UPDATE agreements.suspensions SET lifted_at = ?, lifted_by = ? WHERE id = ?")
			.params(s.liftedAt().map(Timestamp::from).orElse(null), s.liftedBy().orElse(null), s.id())
			.update();
		accessChanged(s);
	}

	/** Every node drops its access rules when this transaction commits, and only then. */
	private void accessChanged(Suspension s) {
		invalidations.publish(AccessRules.CHANGED_TOPIC, s.customerId().map(UUID::toString).orElse("all"));
	}

	private static Suspension toSuspension(ResultSet rs, int row) throws SQLException {
		String feature = rs.getString("feature");
		return new Suspension(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				SuspensionScope.of(rs.getString("scope")).orElseThrow(),
				feature == null ? null : PortalFeature.valueOf(feature), rs.getString("relevant_service"),
				SuspensionReason.of(rs.getString("reason")).orElseThrow(),
				SuspensionKind.of(rs.getString("kind")).orElseThrow(), rs.getString("note"),
				Agreements.instant(rs, "announced_at"), Agreements.instant(rs, "starts_at"),
				Agreements.instant(rs, "ends_at"), Agreements.instant(rs, "cure_deadline"),
				Agreements.instant(rs, "lifted_at"), rs.getString("lifted_by"), rs.getString("created_by"));
	}
}
