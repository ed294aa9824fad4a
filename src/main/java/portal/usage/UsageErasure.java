package portal.usage;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.platform.Invalidations;
import portal.retention.CustomerErasure;

/**
 * The usage module's share of erasing a terminated customer's data: its samples,
 * rollups and series. Row by row, unlike the daily purge of raw samples by whole partitions:
 * the partitions hold every customer's samples.
 */
@Component
class UsageErasure implements CustomerErasure {

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	UsageErasure(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	@Override
	public String part() {
		return "usage";
	}

	@Override
	public long erase(UUID customerId) {
		long rows = 0;
		for (String table : new String[] { "samples", "hourly_days", "daily", "series" }) {
			rows += jdbc.sql("DELETE FROM usage." + table + " WHERE customer_id = ?").param(customerId).update();
		}
		invalidations.publish(UsageDashboard.CHANGED_TOPIC, customerId.toString());
		invalidations.publish(SeriesCatalog.CHANGED_TOPIC, customerId.toString());
		return rows;
	}
}
