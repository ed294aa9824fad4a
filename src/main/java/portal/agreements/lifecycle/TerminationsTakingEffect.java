package portal.agreements.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import portal.identity.UserAdministration;
import portal.platform.Tenancy;

/**
 * Carries out terminations once they have taken effect, on one node at a time: the
 * customer's sessions and API tokens end (revoked, audited) and its users get a notice
 * published at the effective date. Access is refused by time from that date on whether or
 * not this has run; running it again changes nothing. Data stays until its retention period
 * ends.
 */
@Service
public class TerminationsTakingEffect {

	private static final Logger log = LoggerFactory.getLogger(TerminationsTakingEffect.class);

	private static final String JOB = "agreements-terminations";

	private final Agreements agreements;

	private final UserAdministration users;

	private final ApplicationEventPublisher events;

	private final Tenancy tenancy;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TerminationsTakingEffect(Agreements agreements, UserAdministration users, ApplicationEventPublisher events,
			Tenancy tenancy, Clock clock, PlatformTransactionManager transactions) {
		this.agreements = agreements;
		this.users = users;
		this.events = events;
		this.tenancy = tenancy;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${portal.agreements.termination-check:PT1M}")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT10M")
	void scheduled() {
		carryOut();
	}

	/** Carries out every termination in effect and not carried out yet; the customers it carried out. */
	public List<UUID> carryOut() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<UUID> done = new java.util.ArrayList<>();
		tenancy.runAsJob(JOB, () -> {
			for (UUID customer : agreements.terminationsDue(now)) {
				// One customer per transaction: one that fails does not hold back the others.
				try {
					if (Boolean.TRUE.equals(transactions.execute(status -> carryOut(customer, now)))) {
						done.add(customer);
					}
				}
				catch (RuntimeException failure) {
					log.error("Termination of a customer could not be carried out; retried on the next run", failure);
				}
			}
		});
		if (!done.isEmpty()) {
			log.info("Carried out {} termination(s) that took effect", done.size());
		}
		return done;
	}

	private boolean carryOut(UUID customer, Instant now) {
		Agreement agreement = agreements.lock(customer).orElseThrow();
		if (!agreement.carryOutTermination(JOB, now)) {
			return false;
		}
		users.endAccessOfCustomer(customer, "agreement-terminated");
		agreements.update(agreement);
		agreement.takeEvents().forEach(events::publishEvent);
		Instant effectiveAt = agreement.terminationEffectiveAt().orElseThrow();
		events.publishEvent(AgreementNotices.terminated(customer, effectiveAt,
				"termination:" + customer + ":effective:" + effectiveAt));
		return true;
	}
}
