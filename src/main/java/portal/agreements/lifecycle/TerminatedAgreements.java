package portal.agreements.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.retention.TerminatedCustomers;

/**
 * Whose Portal Agreement's termination took effect, and when: the start of the period after
 * which retention erases the customer's data. The agreement and its timeline are
 * kept: they are the record of the contract.
 */
@Component
class TerminatedAgreements implements TerminatedCustomers {

	private final JdbcClient jdbc;

	TerminatedAgreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Terminated> terminatedBefore(Instant cutoff) {
		return jdbc.sql("""
				SELECT customer_id, termination_effective_at FROM agreements.agreements
				WHERE termination_effective_at < ? ORDER BY termination_effective_at, customer_id""")
			.param(Timestamp.from(cutoff))
			.query((rs, row) -> new Terminated(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
			.list();
	}
}
