package portal.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * After a rotation of the secrets key, signs the audit checkpoints again under the new key at
 * start, so that the previous key can be retired without leaving checkpoints unverifiable.
 */
@Component
class CheckpointResigning implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CheckpointResigning.class);

	private final AuditCheckpoints checkpoints;

	private final Tenancy tenancy;

	CheckpointResigning(AuditCheckpoints checkpoints, Tenancy tenancy) {
		this.checkpoints = checkpoints;
		this.tenancy = tenancy;
	}

	@Override
	public void run(ApplicationArguments args) {
		int count = tenancy.call(Actor.job("audit-checkpoint-resigning"), TenantScope.system(), checkpoints::resign);
		if (count > 0) {
			log.info("Signed {} audit checkpoints again under the current secrets key", count);
		}
	}
}
