package portal.retention;

import java.time.Instant;

import org.springframework.stereotype.Component;
import portal.audit.AuditCheckpoints;

/**
 * Audit entries past their period: each chain is cut at its front behind a signed
 * checkpoint, so what remains still verifies (docs/adr/0004).
 */
@Component
class AuditEntriesPurge implements Purge {

	private final AuditCheckpoints checkpoints;

	AuditEntriesPurge(AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Override
	public DataClass dataClass() {
		return DataClass.AUDIT_ENTRIES;
	}

	@Override
	public Purged purgeBefore(Instant cutoff) {
		AuditCheckpoints.Purged purged = checkpoints.purgeBefore(cutoff);
		if (purged.links() == 0) {
			return Purged.NOTHING;
		}
		return new Purged(purged.links(), "entries " + purged.oldest() + " to " + purged.newest() + " in "
				+ purged.chains() + " chains, behind signed checkpoints");
	}
}
