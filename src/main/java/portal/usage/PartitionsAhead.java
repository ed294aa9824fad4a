package portal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import portal.platform.Tenancy;

/**
 * Creates the daily partitions of raw samples a week ahead, at start and every day, so that
 * ingestion of current data never waits for DDL; ingestion still creates any missing day itself.
 */
@Component
class PartitionsAhead {

	static final int DAYS_AHEAD = 7;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	PartitionsAhead(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		create();
	}

	@Scheduled(cron = "0 5 0 * * *", zone = "UTC")
	@SchedulerLock(name = "usage-partitions-ahead", lockAtMostFor = "PT10M")
	void daily() {
		create();
	}

	void create() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		tenancy.runAsJob("usage-partitions-ahead", () -> {
			for (int day = 0; day <= DAYS_AHEAD; day++) {
				jdbc.sql("SELECT usage.ensure_partition(?)").param(today.plusDays(day)).query(Boolean.class).single();
			}
		});
	}
}
