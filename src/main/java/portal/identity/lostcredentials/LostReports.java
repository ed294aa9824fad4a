package portal.identity.lostcredentials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.Tenancy;

/** Lost-or-stolen reports, open until the desk or an administrator restores access. */
@Repository
public class LostReports {

	private static final String SELECT = """
			SELECT r.id, r.account_id, a.login_id, a.kind, r.customer_id, r.channel, r.reported_by, r.reported_at,
				r.origin, r.verified_by, r.verified_at, r.verification, r.handled_at, r.handled_by
			FROM identity.lost_credential_reports r JOIN identity.accounts a ON a.id = r.account_id""";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	LostReports(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	void file(UUID accountId, UUID customerId, String channel, String reportedBy) {
		Instant at = clock.instant();
		String origin = tenancy.current().origin();
		jdbc.sql("""
				INSERT INTO identity.lost_credential_reports (id, account_id, customer_id, channel, reported_by, reported_at, origin)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), accountId, customerId, channel, reportedBy, Timestamp.from(at), origin)
			.update();
	}

	/** Open reports first, then the most recent handled ones. */
	List<LostReport> recent(int limit) {
		return jdbc.sql(SELECT + " ORDER BY r.handled_at IS NOT NULL, r.reported_at DESC LIMIT ?")
			.param(limit)
			.query(LostReports::report)
			.list();
	}

	Optional<LostReport> byId(UUID id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(LostReports::report).optional();
	}

	void verified(UUID id, String how) {
		jdbc.sql("UPDATE identity.lost_credential_reports SET verification = ?, verified_by = ?, verified_at = ? WHERE id = ?")
			.params(how, tenancy.actor().id(), Timestamp.from(clock.instant()), id)
			.update();
	}

	/** Closes every open report of the account; the number closed. */
	public int closeFor(UUID accountId) {
		return jdbc.sql("UPDATE identity.lost_credential_reports SET handled_at = ?, handled_by = ? WHERE account_id = ? AND handled_at IS NULL")
			.params(Timestamp.from(clock.instant()), tenancy.actor().id(), accountId)
			.update();
	}

	void close(UUID id) {
		jdbc.sql("UPDATE identity.lost_credential_reports SET handled_at = ?, handled_by = ? WHERE id = ? AND handled_at IS NULL")
			.params(Timestamp.from(clock.instant()), tenancy.actor().id(), id)
			.update();
	}

	private static LostReport report(ResultSet rs, int row) throws SQLException {
		return new LostReport(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("login_id"), "STAFF".equals(rs.getString("kind")), rs.getObject("customer_id", UUID.class),
				rs.getString("channel"), rs.getString("reported_by"), instant(rs, "reported_at"), rs.getString("origin"),
				rs.getString("verification"), rs.getString("verified_by"), instant(rs, "verified_at"),
				instant(rs, "handled_at"), rs.getString("handled_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
