package portal.agreements.enforcement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import portal.agreements.events.AgreementChanged;

/** Drops this node's access rules as soon as a change to them commits here; other nodes notice by polling. */
@Component
class AccessInvalidation {

	private final AccessCheck check;

	AccessInvalidation(AccessCheck check) {
		this.check = check;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AgreementChanged changed) {
		check.invalidate();
	}
}
