package portal.customers.inventory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.Catalog;
import portal.catalog.ServiceKindDescriptors;

/**
 * Records contracts as a relevant-service system reports them: idempotently (a
 * report that changes nothing writes and audits nothing), validated against the catalog,
 * and only for the contracting company the system's key is bound to.
 */
@Service
public class ContractFeed {

	private final Contracts contracts;

	private final ServiceInstances instances;

	private final PortalCustomers customers;

	private final ServiceKindDescriptors descriptors;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContractFeed(Contracts contracts, ServiceInstances instances, PortalCustomers customers,
			ServiceKindDescriptors descriptors, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.contracts = contracts;
		this.instances = instances;
		this.customers = customers;
		this.descriptors = descriptors;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param keyCompany the contracting company the reporting system's key is bound to
	 * @throws InventoryRefusal when the contract is another company's, the report is invalid, or
	 *         the change is not allowed in the contract's state; nothing is written then
	 */
	@Transactional
	public Recorded<ContractRow> record(String keyCompany, ContractTerms terms) {
		if (!keyCompany.equals(terms.contractingCompany())) {
			throw InventoryRefusal.foreignCompany("contractingCompany");
		}
		Optional<Contract> existing = contracts.lock(terms.contractNo());
		// Another company's contract is out of the key's scope: ask who holds the number.
		if (existing.isEmpty() ? contracts.company(terms.contractNo()).isPresent()
				: !existing.get().contractingCompany().equals(keyCompany)) {
			throw InventoryRefusal.foreignCompany("contractNo");
		}
		requireKnownService(terms.relevantService());
		if (catalog.company(terms.contractingCompany()).isEmpty()) {
			throw InventoryRefusal.invalid("contractingCompany", "The catalog has no contracting company "
					+ terms.contractingCompany() + ".");
		}
		UUID customer = linkedCustomer(terms);
		if (existing.isEmpty()) {
			Contract contract = Contract.record(terms, customer, clock.instant());
			if (!contracts.insert(contract)) {
				throw InventoryRefusal.conflict("contractNo", "The contract was recorded by another request just now; "
						+ "send the report again.");
			}
			return recorded(contract.contractNo(), contract.takeEvents(), Recorded.Outcome.CREATED);
		}
		Contract contract = existing.get();
		if (!contract.apply(terms, customer, instances.liveUnder(contract.contractNo()), clock.instant())) {
			return recorded(contract.contractNo(), List.of(), Recorded.Outcome.UNCHANGED);
		}
		contracts.update(contract);
		return recorded(contract.contractNo(), contract.takeEvents(), Recorded.Outcome.CHANGED);
	}

	/** Links contracts to the customer whose application for them was accepted; audited. */
	@Transactional
	public List<String> link(UUID customer, List<String> contractNumbers) {
		List<String> linked = new java.util.ArrayList<>();
		for (String number : contractNumbers) {
			Contract contract = contracts.lock(number).orElseThrow(() -> InventoryRefusal.invalid("contractNo",
					"There is no contract " + number + "."));
			if (contract.linkTo(customer, clock.instant())) {
				contracts.update(contract);
				contract.takeEvents().forEach(events::publishEvent);
				linked.add(number);
			}
		}
		return linked;
	}

	private Recorded<ContractRow> recorded(String contractNo, List<Object> published, Recorded.Outcome outcome) {
		published.forEach(events::publishEvent);
		return new Recorded<>(contracts.row(contractNo).orElseThrow(), outcome);
	}

	private void requireKnownService(String key) {
		if (key == null || descriptors.find(key).isEmpty() || catalog.relevantService(key).isEmpty()) {
			throw InventoryRefusal.invalid("relevantService", "The catalog has no relevant service " + key + ".");
		}
	}

	/** The customer the report links the contract to; null when it names none. */
	/**
	 * The Portal Customer a report links its contract to. The customer of record must carry
	 * that customer's legal name: a feed cannot attach a contract, and with it its contracting
	 * company's staff, to a customer the contract does not belong to.
	 */
	private UUID linkedCustomer(ContractTerms terms) {
		String customerCode = terms.customerCode();
		if (customerCode.isEmpty()) {
			return null;
		}
		CustomerRow customer = customers.toLink(customerCode)
			.filter(row -> terms.customerOfRecord().isNamed(row.legalName()))
			.orElseThrow(() -> InventoryRefusal.invalid("customerCode", "No Portal Customer " + customerCode
					+ " has the legal name of the customer of record."));
		return customer.id();
	}
}
