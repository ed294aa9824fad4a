package portal.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;

/**
 * Deletes, once a day on one node, what is past its retention period, and records in
 * the audit trail what each purge deleted: the class, the cutoff and range, and the count. Each
 * class is purged in a transaction of its own, together with its audit entry.
 */
@Service
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final List<Purge> purges;

	private final RetentionPeriods periods;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Tenancy tenancy;

	private final Clock clock;

	private final CustomerErasures erasures;

	RetentionJob(List<Purge> purges, RetentionPeriods periods, AuditTrail audit, TransactionTemplate transactions,
			Tenancy tenancy, Clock clock, CustomerErasures erasures) {
		this.erasures = erasures;
		this.purges = List.copyOf(purges);
		this.periods = periods;
		this.audit = audit;
		this.transactions = transactions;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** One class's outcome. */
	public record Outcome(DataClass dataClass, Instant cutoff, long count, String range) {
	}

	@Scheduled(cron = "0 30 1 * * *", zone = "UTC")
	@SchedulerLock(name = "retention-purge", lockAtMostFor = "PT1H")
	void daily() {
		run();
	}

	/** Applies every period now; answers what each purge did. */
	public List<Outcome> run() {
		List<Outcome> outcomes = new ArrayList<>();
		tenancy.runAsJob("retention-purge", () -> {
			Map<DataClass, Integer> days = periods.all();
			Instant now = clock.instant();
			for (Purge purge : purges) {
				Instant cutoff = now.minus(Duration.ofDays(days.get(purge.dataClass())));
				Outcome outcome = transactions.execute(status -> {
					Purge.Purged purged = purge.purgeBefore(cutoff);
					if (purged.count() > 0) {
						audit.record(AuditRecord.of("retention.purged", "data-class", purge.dataClass().code())
							.with("cutoff", cutoff.toString()).with("range", purged.range()).with("count", purged.count()));
					}
					return new Outcome(purge.dataClass(), cutoff, purged.count(), purged.range());
				});
				if (outcome.count() > 0) {
					log.info("Retention purged {} records of {} before {} ({})", outcome.count(),
							purge.dataClass().code(), cutoff, outcome.range());
				}
				outcomes.add(outcome);
			}
			if (erasures.applies()) {
				outcomes.add(eraseTerminatedCustomers(now.minus(Duration.ofDays(days.get(DataClass.TERMINATED_CUSTOMERS)))));
			}
		});
		return outcomes;
	}

	// Terminated customers are erased one transaction per customer (CustomerErasures); the
	// class's summary is recorded once all are done.
	private Outcome eraseTerminatedCustomers(Instant cutoff) {
		Purge.Purged purged = erasures.eraseBefore(cutoff);
		if (purged.count() > 0) {
			transactions.executeWithoutResult(status -> audit.record(AuditRecord
				.of("retention.purged", "data-class", DataClass.TERMINATED_CUSTOMERS.code())
				.with("cutoff", cutoff.toString()).with("range", purged.range()).with("count", purged.count())));
			log.info("Retention erased the data of {} terminated customers before {} ({})", purged.count(), cutoff,
					purged.range());
		}
		return new Outcome(DataClass.TERMINATED_CUSTOMERS, cutoff, purged.count(), purged.range());
	}

	/** The classes some module purges; the others are kept until a purge exists for them. */
	public List<DataClass> applied() {
		List<DataClass> applied = new ArrayList<>(purges.stream().map(Purge::dataClass).toList());
		if (erasures.applies()) {
			applied.add(DataClass.TERMINATED_CUSTOMERS);
		}
		return applied;
	}
}
