package portal.usage;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chunks of new samples are copied straight into their day partitions, which carry no policy:
 * COPY refuses a table under row-level security. Each partition's statement trigger is the wall
 * there, so an insert or a COPY holding a row of a customer the caller's scope does not see is
 * refused whole, and the application role may do nothing else with a partition.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 The day partitions of usage samples keep the wall between customers")
class UsagePartitionWallIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2004, 3, 2);

	private static final Instant AT = Instant.parse("2004-03-02T10:00:00Z");

	private static final String PARTITION = "usage.samples_20040302";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	// Runs the work in the scope of a customer's user, in a transaction rolled back afterwards.
	private <T> T asCustomer(UUID scope, Supplier<T> work) {
		return tenancy.call(Actor.user("CP-WALL"), TenantScope.customer(scope), () -> transactions.execute(status -> {
			jdbc.sql("SELECT usage.ensure_partition(?)").param(DAY).query(Boolean.class).single();
			try {
				return work.get();
			}
			finally {
				status.setRollbackOnly();
			}
		}));
	}

	private int insert(UUID scope, UUID... owners) {
		return asCustomer(scope, () -> {
			StringBuilder values = new StringBuilder();
			for (int i = 0; i < owners.length; i++) {
				values.append(i == 0 ? "" : ", ").append("('").append(owners[i]).append("'::uuid, ").append(-1 - i)
					.append(", '").append(AT).append("'::timestamptz, 1.0)");
			}
			return jdbc.sql("INSERT INTO " + PARTITION + " (customer_id, series_id, at, value) VALUES " + values)
				.update();
		});
	}

	private long copy(UUID scope, UUID... owners) {
		return asCustomer(scope, () -> {
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try (PGCopyOutputStream target = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
					"COPY " + PARTITION + " (customer_id, series_id, at, value) FROM STDIN (FORMAT binary)");
					BinaryCopy out = new BinaryCopy(target)) {
				long series = 0;
				for (UUID owner : owners) {
					out.row(4).uuid(owner).int8(--series).timestamp(AT).float8(1.0);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return jdbc.sql("SELECT count(*) FROM usage.samples WHERE at = ?").param(Timestamp.from(AT))
				.query(Long.class).single();
		});
	}

	@Test
	@DisplayName("R-7.5 an insert into a day partition of the customer's own rows is kept; one with another customer's row is refused whole")
	void insertRefusesAnotherCustomersRows() {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		assertThat(insert(mine, mine, mine)).isEqualTo(2);
		assertThatThrownBy(() -> insert(mine, mine, theirs)).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("row-level security");
		assertThatThrownBy(() -> insert(mine, theirs)).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("row-level security");
	}

	@Test
	@DisplayName("R-7.5 a COPY into a day partition of the customer's own rows is kept; one with another customer's row is refused whole")
	void copyRefusesAnotherCustomersRows() {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		assertThat(copy(mine, mine, mine, mine)).isEqualTo(3);
		assertThatThrownBy(() -> copy(mine, mine, theirs, mine)).hasStackTraceContaining("row-level security");
	}

	@Test
	@DisplayName("R-7.5 the application may not read, change or delete a day partition's rows directly, only through the table under policy")
	void partitionsTakeInsertsOnly() {
		UUID mine = UUID.randomUUID();
		for (String statement : new String[] { "SELECT count(*) FROM " + PARTITION,
				"UPDATE " + PARTITION + " SET value = 0", "DELETE FROM " + PARTITION, "TRUNCATE " + PARTITION }) {
			assertThatThrownBy(() -> asCustomer(mine, () -> jdbc.sql(statement).update()))
				.as(statement)
				.isInstanceOf(DataAccessException.class)
				.hasStackTraceContaining("permission denied");
		}
		assertThatThrownBy(() -> asCustomer(mine, () -> jdbc.sql("ALTER TABLE " + PARTITION + " DISABLE TRIGGER samples_wall").update()))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("must be owner");
	}
}
