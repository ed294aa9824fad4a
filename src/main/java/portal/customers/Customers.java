package portal.customers;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.ContractRow;
import portal.customers.inventory.CustomerRegistry;
import portal.customers.inventory.CustomerRow;
import portal.customers.inventory.InstanceOrders;
import portal.customers.inventory.InstanceRow;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.Paging;
import portal.customers.systemkeys.ServiceSystem;
import portal.platform.PortalPrincipal;

/**
 * The customers module as other modules use it: Portal Customers, their contracts, and the
 * checks decisions rest on. Every read stays within the caller's tenant scope.
 */
@Service
public class Customers {

	private final CustomerRegistry registry;

	private final Inventory inventory;

	private final InstanceOrders instanceOrders;

	private final ContractFeed feed;

	Customers(CustomerRegistry registry, Inventory inventory, InstanceOrders instanceOrders, ContractFeed feed) {
		this.registry = registry;
		this.inventory = inventory;
		this.instanceOrders = instanceOrders;
		this.feed = feed;
	}

	/**
	 * Links contracts to a customer whose application for them was accepted; a
	 * contract already linked to another customer is refused. Call it in the system scope.
	 *
	 * @return the numbers of the contracts newly linked
	 */
	public List<String> linkContracts(UUID customerId, Collection<String> contractNumbers) {
		return feed.link(customerId, List.copyOf(contractNumbers));
	}

	/** The Portal Customer the first of the contracts that is linked to one belongs to. */
	public Optional<CustomerSummary> linkedCustomerOf(Collection<String> contractNumbers) {
		return inventory.numbered(List.copyOf(contractNumbers)).stream()
			.map(ContractRow::customerCode)
			.filter(code -> !code.isEmpty())
			.findFirst()
			.flatMap(this::byCode);
	}

	/** Registers an active Portal Customer under the next customer code; audited. */
	public CustomerSummary register(String legalName, String country, String registeredAddress) {
		return summary(registry.register(legalName, country, registeredAddress));
	}

	public Optional<CustomerSummary> byCode(String code) {
		return registry.byCode(code).map(Customers::summary);
	}

	public Optional<CustomerSummary> byId(UUID id) {
		return registry.byId(id).map(Customers::summary);
	}

	/** The customer's contracts (at most the first {@value Paging#MAX_SIZE}), by relevant service. */
	public List<ContractSummary> contractsOf(UUID customerId) {
		return inventory.contracts(customerId, "", "", new Paging(0, Paging.MAX_SIZE)).items().stream()
			.map(Customers::summary)
			.toList();
	}

	/**
	 * One of the customer's service instances, as far as the reader's scope and limit
	 * let it be seen, with its contract's contracting company.
	 */
	public Optional<ServiceInstanceSummary> instance(UUID customerId, String instanceId) {
		return inventory.instance(customerId, instanceId).map(this::summary);
	}

	/**
	 * Applies a completed order to a service instance in the caller's transaction: attribute
	 * values checked against the descriptor, or its termination; audited as an instance change.
	 *
	 * @throws portal.platform.PortalException when the instance cannot take the change
	 */
	public ServiceInstanceSummary applyOrder(String instanceId, Map<String, ?> changes, boolean terminate) {
		return summary(instanceOrders.apply(instanceId, changes, terminate));
	}

	/** The contracting company a relevant-service system's key is bound to; empty for other principals. */
	public Optional<String> systemCompany(PortalPrincipal principal) {
		return principal instanceof ServiceSystem system ? Optional.of(system.contractingCompany()) : Optional.empty();
	}

	/**
	 * The customers holding an active contract for a relevant service, within the caller's
	 * scope: to reach all of them, call it as staff or a job.
	 */
	public List<UUID> holding(String relevantService) {
		return inventory.customersHolding(relevantService);
	}

	/** Whether the customer has contracts and every one of them has ended. */
	public boolean allContractsEnded(UUID customerId) {
		return inventory.allContractsEnded(customerId);
	}

	/**
	 * Checks an applicant against the contracts it names. Contracts not yet linked
	 * to a Portal Customer are visible only to the Company's staff and the portal's jobs, so
	 * call it in one of those scopes.
	 */
	public ContractCheck checkCustomerOfRecord(String legalName, Collection<String> contractNumbers) {
		List<String> named = List.copyOf(new LinkedHashSet<>(contractNumbers.stream().map(String::strip).toList()));
		Map<String, ContractRow> known = inventory.numbered(named).stream()
			.collect(Collectors.toMap(ContractRow::contractNo, Function.identity()));
		List<ContractCheck.Finding> findings = named.stream()
			.map(no -> Optional.ofNullable(known.get(no))
				.map(c -> new ContractCheck.Finding(no, true, c.active(), c.customerOfRecord().isNamed(legalName),
						c.contractingCompany(), c.relevantService()))
				.orElseGet(() -> new ContractCheck.Finding(no, false, false, false, "", "")))
			.toList();
		return new ContractCheck(legalName, findings);
	}

	private ServiceInstanceSummary summary(InstanceRow row) {
		String company = inventory.numbered(List.of(row.contractNo())).stream().findFirst()
			.map(ContractRow::contractingCompany).orElse("");
		return new ServiceInstanceSummary(row.id(), row.contractNo(), row.relevantService(), company, row.kind(),
				row.label(), row.attributes(), row.state());
	}

	private static CustomerSummary summary(CustomerRow row) {
		return new CustomerSummary(row.id(), row.code(), row.legalName(), row.country(), row.registeredAddress(),
				row.state());
	}

	private static ContractSummary summary(ContractRow row) {
		return new ContractSummary(row.contractNo(), row.relevantService(), row.contractingCompany(),
				row.customerOfRecord().legalName(), row.startDate(), row.active());
	}
}
