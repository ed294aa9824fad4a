package portal.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.catalog.UsageMetric;
import portal.customers.HeldInstance;
import portal.platform.Invalidations;
import portal.platform.SqlArrays;

/** The series table: created on an instance's first sample of a metric, then looked up by id or instance. */
@Component
class SeriesCatalog {

	/** Published with the customer's id when a series of theirs is created or erased. */
	static final String CHANGED_TOPIC = "usage.series";

	private static final String COLUMNS = "customer_id, id, instance_id, metric, relevant_service, interval_seconds, percentile95";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Invalidations invalidations;

	SeriesCatalog(JdbcClient jdbc, Clock clock, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.invalidations = invalidations;
	}

	/** The series of the instance's metric, created if it has none yet (series_instance_metric). */
	Series obtain(HeldInstance instance, UsageMetric metric) {
		// Every body after an instance's first names series that exist: one query then.
		Optional<Series> existing = jdbc
			.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND instance_id = ? AND metric = ?")
			.params(instance.customerId(), instance.id(), metric.key())
			.query(SeriesCatalog::row)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		int inserted = jdbc.sql("""
				INSERT INTO usage.series (customer_id, instance_id, metric, relevant_service, interval_seconds,
					percentile95, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id, instance_id, metric) DO NOTHING""")
			.params(instance.customerId(), instance.id(), metric.key(), instance.relevantService(),
					(int) metric.interval().toSeconds(), metric.percentile95(), Timestamp.from(clock.instant()))
			.update();
		if (inserted > 0) {
			invalidations.publish(CHANGED_TOPIC, instance.customerId().toString());
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND instance_id = ? AND metric = ?")
			.params(instance.customerId(), instance.id(), metric.key())
			.query(SeriesCatalog::row)
			.single();
	}

	/** series_instance_metric */
	List<Series> ofInstance(UUID customer, String instanceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND instance_id = ? ORDER BY metric")
			.params(customer, instanceId)
			.query(SeriesCatalog::row)
			.list();
	}

	/** The series of several instances (of any customers the scope sees) in one statement, through series_instance_metric. */
	List<Series> ofInstances(Collection<HeldInstance> instances) {
		if (instances.isEmpty()) {
			return List.of();
		}
		// One probe of the key per instance (a lateral subquery kept apart by OFFSET 0), not a join
		// PostgreSQL may plan as a scan of every series.
		return jdbc.sql("SELECT s.* FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS k(customer_id, instance_id)"
				+ " CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM usage.series s WHERE s.customer_id = k.customer_id"
				+ " AND s.instance_id = k.instance_id OFFSET 0) s")
			.params(SqlArrays.text(instances.stream().map(i -> i.customerId().toString()).toList()),
					SqlArrays.text(instances.stream().map(HeldInstance::id).toList()))
			.query(SeriesCatalog::row)
			.list();
	}

	/** The customer's series among the ids, by the primary key. */
	List<Series> byIds(UUID customer, Collection<Long> ids) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND id = ANY (?) ORDER BY id")
			.params(customer, ids.toArray(Long[]::new))
			.query(SeriesCatalog::row)
			.list();
	}

	/** series_customer_metric */
	List<Series> ofMetric(UUID customer, String metric) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND metric = ?")
			.params(customer, metric)
			.query(SeriesCatalog::row)
			.list();
	}

	/** The customer's series of any of the metrics (the dashboard's cards), through series_customer_metric. */
	List<Series> ofMetrics(UUID customer, Collection<String> metrics) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? AND metric = ANY (?)"
				+ " ORDER BY instance_id, metric")
			.params(customer, metrics.toArray(String[]::new))
			.query(SeriesCatalog::row)
			.list();
	}

	/** Every series of the customer. */
	List<Series> ofCustomer(UUID customer) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM usage.series WHERE customer_id = ? ORDER BY instance_id, metric")
			.param(customer)
			.query(SeriesCatalog::row)
			.list();
	}

	Optional<Series> byId(UUID customer, long id) {
		return byIds(customer, List.of(id)).stream().findFirst();
	}

	static Series row(ResultSet rs, int n) throws SQLException {
		return new Series(rs.getLong("id"), rs.getObject("customer_id", UUID.class), rs.getString("instance_id"),
				rs.getString("metric"), rs.getString("relevant_service"),
				Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getBoolean("percentile95"));
	}
}
