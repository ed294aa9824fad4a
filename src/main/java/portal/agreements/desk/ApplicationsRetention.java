package portal.agreements.desk;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.retention.DataClass;
import portal.retention.Purge;

/**
 * Decided portal applications past their period: accepted or rejected before the
 * cutoff. Undecided ones are never purged; the Portal Agreement an accepted application
 * concluded keeps its receipt number, and the audit trail keeps each decision.
 */
@Component
class ApplicationsRetention implements Purge {

	private final JdbcClient jdbc;

	ApplicationsRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public DataClass dataClass() {
		return DataClass.DECIDED_APPLICATIONS;
	}

	@Override
	public Purged purgeBefore(Instant cutoff) {
		Timestamp at = Timestamp.from(cutoff);
		String range = jdbc.sql("""
				SELECT 'receipts ' || min(receipt_no) || ' to ' || max(receipt_no) || ', decided '
					|| min(decided_at)::text || ' to ' || max(decided_at)::text
				FROM agreements.applications WHERE state <> 'received' AND decided_at < ?""")
			.param(at).query(String.class).optional().orElse("");
		int deleted = jdbc.sql("DELETE FROM agreements.applications WHERE state <> 'received' AND decided_at < ?")
			.param(at).update();
		return deleted == 0 ? Purged.NOTHING : new Purged(deleted, range);
	}
}
