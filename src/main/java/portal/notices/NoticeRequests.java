package portal.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import portal.notices.events.NoticeRequested;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Turns other modules' {@link NoticeRequested} events into notices after their transaction
 * commits; the publication registry retries one that failed. The board opens its own
 * transaction with the system scope, so this listener starts none of its own.
 */
@Component
class NoticeRequests {

	private static final Logger log = LoggerFactory.getLogger(NoticeRequests.class);

	private final NoticeBoard board;

	private final Tenancy tenancy;

	NoticeRequests(NoticeBoard board, Tenancy tenancy) {
		this.board = board;
		this.tenancy = tenancy;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticeRequested request) {
		try {
			boolean created = tenancy.call(Actor.job("notices"), TenantScope.system(), () -> board.request(request));
			if (!created) {
				log.debug("Notice {} was requested before; nothing to do", request.key());
			}
		}
		catch (NoticeRefusal refusal) {
			// Retrying cannot mend a request the publisher got wrong: say so and let it go.
			log.error("Notice {} refused: {}", request.key(), refusal.getMessage());
		}
	}
}
