package portal.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies every committed link of the trail to the log, one structured event each on the
 * logger {@value #LOGGER}, so that the operator's log pipeline keeps a second copy of the
 * trail in a separate system (ASVS 16.4.3). The event carries what the link's hash covers,
 * so the copy can be checked against the chain; audit details hold no secrets.
 * A link whose transaction rolls back is never written.
 */
@Component
class AuditTrailLog {

	static final String LOGGER = "portal.audit.trail";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	// A link as it was appended.
	record Link(String chain, long seq, byte[] hash, Instant occurredAt, String actor, String actorKind,
			UUID customerId, String action, String targetType, String targetId, String origin, String details) {
	}

	// Called inside the transaction that appends the link.
	void appended(Link link) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					emit(link);
				}
			});
		}
		else {
			emit(link);
		}
	}

	private static void emit(Link link) {
		if (!log.isInfoEnabled()) {
			return;
		}
		String hash = HexFormat.of().formatHex(link.hash());
		String customer = link.customerId() == null ? "" : link.customerId().toString();
		log.atInfo()
			.addKeyValue("audit.chain", link.chain())
			.addKeyValue("audit.seq", link.seq())
			.addKeyValue("audit.hash", hash)
			.addKeyValue("audit.occurred_at", link.occurredAt().toString())
			.addKeyValue("audit.actor", link.actor())
			.addKeyValue("audit.actor_kind", link.actorKind())
			.addKeyValue("audit.customer_id", customer)
			.addKeyValue("audit.action", link.action())
			.addKeyValue("audit.target_type", link.targetType())
			.addKeyValue("audit.target_id", link.targetId())
			.addKeyValue("audit.origin", link.origin())
			.addKeyValue("audit.details", link.details())
			.log("audit chain={} seq={} hash={} at={} actor={} ({}) customer={} action={} target={}:{} origin={}",
					link.chain(), link.seq(), hash, link.occurredAt(), link.actor(), link.actorKind(), customer,
					link.action(), link.targetType(), link.targetId(), link.origin());
	}
}
