package portal.customers.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.Tenancy;

/**
 * Reads a customer's contracts and service instances. Every read names the customer
 * and filters by it in SQL; row-level security refuses other customers' rows as well. A user
 * limited to some services or instances sees only those.
 */
@Service
@Transactional(readOnly = true)
public class Inventory {

	private final Contracts contracts;

	private final ServiceInstances instances;

	private final Tenancy tenancy;

	Inventory(Contracts contracts, ServiceInstances instances, Tenancy tenancy) {
		this.contracts = contracts;
		this.instances = instances;
		this.tenancy = tenancy;
	}

	/** The customer's contracts, by relevant service; blank filters do not narrow. */
	public InventoryPage<ContractRow> contracts(UUID customer, String relevantService, String state, Paging paging) {
		String contractState = state == null ? "" : state.strip();
		if (!contractState.isEmpty() && ContractState.of(contractState).isEmpty()) {
			throw InventoryRefusal.invalid("state", "Use active or ended.");
		}
		return contracts.ofCustomer(customer, relevantService == null ? "" : relevantService.strip(), contractState,
				paging, tenancy.limit());
	}

	public InventoryPage<InstanceRow> instances(UUID customer, InstanceFilter filter, Paging paging) {
		return instances.search(customer, filter, paging, tenancy.limit());
	}

	/** Instances as lists show them: one page and the count in one query, without their attributes. */
	public InventoryPage<InstanceRow> instanceLines(UUID customer, InstanceFilter filter, Paging paging) {
		return instances.search(customer, filter, paging, tenancy.limit(), false);
	}

	public Optional<InstanceRow> instance(UUID customer, String id) {
		return instances.ofCustomer(customer, id, tenancy.limit());
	}

	/** Contracts by number, whoever they belong to, as far as the reader's scope lets them be seen. */
	public List<ContractRow> numbered(List<String> contractNumbers) {
		return contracts.numbered(contractNumbers);
	}

	/** Whether the customer has contracts and none of them is active any more. */
	public boolean allContractsEnded(UUID customer) {
		return contracts.allEnded(customer);
	}

	/** The customers within the caller's scope holding an active contract for the relevant service. */
	public List<UUID> customersHolding(String relevantService) {
		return contracts.customersHolding(relevantService);
	}
}
