package portal.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merge of staged samples writes the day partitions directly (they carry no policy), so it
 * applies the wall itself, once per customer of the batch: a batch holding a row of a customer
 * the caller's scope does not see is refused whole.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 The merge of staged usage samples keeps the wall between customers")
class UsageMergeWallIntegrationTests {

	private static final Instant AT = Instant.parse("2004-03-01T10:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	private long merge(UUID scope, UUID... owners) {
		return tenancy.call(Actor.user("CP-WALL"), TenantScope.customer(scope), () -> transactions.execute(status -> {
			jdbc.sql("SELECT usage.ensure_partition(?)").param(LocalDate.of(2004, 3, 1)).query(Boolean.class).single();
			UUID batch = UUID.randomUUID();
			long line = 0;
			for (UUID owner : owners) {
				line++;
				jdbc.sql("INSERT INTO usage.staging (batch, customer_id, series_id, at, value, line) VALUES (?, ?, ?, ?, ?, ?)")
					.params(batch, owner, -line, Timestamp.from(AT), 1.0, line)
					.update();
			}
			long written = jdbc.sql("SELECT count(*) FROM usage.merge_staged(?, true, true)").param(batch)
				.query(Long.class).single();
			status.setRollbackOnly();
			return written;
		}));
	}

	@Test
	@DisplayName("R-7.5 a customer's batch is written; a batch with another customer's row is refused and writes nothing")
	void mergeRefusesAnotherCustomersRows() {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		assertThat(merge(mine, mine, mine)).isEqualTo(2);
		assertThatThrownBy(() -> merge(mine, mine, theirs)).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("row-level security");
	}
}
