package portal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;

/** The retention period of each data class: an administrator's setting, or the class's default. */
@Service
public class RetentionPeriods {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final Clock clock;

	RetentionPeriods(JdbcClient jdbc, AuditTrail audit, Tenancy tenancy, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Map<DataClass, Integer> all() {
		Map<DataClass, Integer> periods = new EnumMap<>(DataClass.class);
		for (DataClass c : DataClass.values()) {
			periods.put(c, c.defaultDays());
		}
		jdbc.sql("SELECT data_class, days FROM retention.periods").query(rs -> {
			int days = rs.getInt(2);
			DataClass.of(rs.getString(1)).ifPresent(c -> periods.put(c, days));
		});
		return periods;
	}

	public int days(DataClass dataClass) {
		return all().get(dataClass);
	}

	/** Sets a period (1 to 36,500 days); audited. */
	@Transactional
	public void set(DataClass dataClass, int days) {
		if (days < 1 || days > 36_500) {
			throw new RetentionRefusal("days", "Between 1 and 36500 days.");
		}
		int before = days(dataClass);
		jdbc.sql("""
				INSERT INTO retention.periods (data_class, days, updated_at, updated_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (data_class) DO UPDATE SET days = EXCLUDED.days, updated_at = EXCLUDED.updated_at,
					updated_by = EXCLUDED.updated_by""")
			.params(dataClass.code(), days, Timestamp.from(clock.instant()), tenancy.actor().id())
			.update();
		audit.record(AuditRecord.of("retention.period-set", "data-class", dataClass.code())
			.with("before", before).with("after", days));
	}
}
