package portal.agreements.lifecycle;

import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import portal.customers.events.ContractChanged;
import portal.customers.events.ContractEnded;
import portal.customers.events.ContractRecorded;
import portal.platform.Tenancy;

/** Follows the customers' contracts: all ended schedules termination, one active again cancels it. */
@Component
class ContractListener {

	private final AgreementLifecycle lifecycle;

	private final Tenancy tenancy;

	ContractListener(AgreementLifecycle lifecycle, Tenancy tenancy) {
		this.lifecycle = lifecycle;
		this.tenancy = tenancy;
	}

	// After the contract's transaction commits; the work opens its own, in the system scope.
	@TransactionalEventListener
	void on(ContractEnded ended) {
		ended.customer().ifPresent(customer -> tenancy.runAsJob("agreement-contracts",
				() -> lifecycle.contractsMayHaveEnded(customer)));
	}

	@TransactionalEventListener
	void on(ContractRecorded recorded) {
		if (recorded.customerId() != null) {
			tenancy.runAsJob("agreement-contracts", () -> lifecycle.contractMayBeActive(recorded.customerId()));
		}
	}

	@TransactionalEventListener
	void on(ContractChanged changed) {
		changed.customer().ifPresent(customer -> tenancy.runAsJob("agreement-contracts",
				() -> lifecycle.contractMayBeActive(customer)));
	}
}
