package portal.customers.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import portal.customers.events.ContractChanged;
import portal.customers.events.ContractEnded;
import portal.customers.events.ContractRecorded;

/**
 * A relevant-service contract, kept as its contracting company's system reports it. The
 * rules: its relevant service and contracting company never change; once linked to a
 * Portal Customer it stays with that customer; it ends only when none of its service
 * instances is live, and an ended contract does not become active again.
 */
class Contract {

	private final String contractNo;
	private final String relevantService;
	private final String contractingCompany;
	private CustomerOfRecord customerOfRecord;
	private UUID customerId;
	private LocalDate startDate;
	private LocalDate endDate;
	private ContractState state;
	private Instant updatedAt;
	private final List<Object> events = new ArrayList<>();

	Contract(String contractNo, String relevantService, String contractingCompany, CustomerOfRecord customerOfRecord,
			UUID customerId, LocalDate startDate, LocalDate endDate, ContractState state, Instant updatedAt) {
		this.contractNo = contractNo;
		this.relevantService = relevantService;
		this.contractingCompany = contractingCompany;
		this.customerOfRecord = customerOfRecord;
		this.customerId = customerId;
		this.startDate = startDate;
		this.endDate = endDate;
		this.state = state;
		this.updatedAt = updatedAt;
	}

	/** A contract first reported, linked to the given customer or (null) to none. */
	static Contract record(ContractTerms terms, UUID customerId, Instant now) {
		Contract contract = new Contract(terms.contractNo(), terms.relevantService(), terms.contractingCompany(),
				terms.customerOfRecord(), customerId, terms.startDate(), terms.endDate(), terms.state(), now);
		contract.events.add(new ContractRecorded(contract.contractNo, customerId, contract.relevantService,
				contract.contractingCompany, contract.state.code()));
		return contract;
	}

	/**
	 * Takes over what the system reports now. A report without a customer keeps the link
	 * the contract has, because the portal (not only the system) may have made it.
	 *
	 * @param customer the customer the report names, or null for none
	 * @param liveInstances how many of the contract's instances are not terminated
	 * @return whether anything changed
	 */
	boolean apply(ContractTerms terms, UUID customer, long liveInstances, Instant now) {
		if (!relevantService.equals(terms.relevantService())) {
			throw InventoryRefusal.conflict("relevantService", "The relevant service of a contract cannot change.");
		}
		if (!contractingCompany.equals(terms.contractingCompany())) {
			throw InventoryRefusal.conflict("contractingCompany",
					"The contracting company of a contract cannot change.");
		}
		if (customerId != null && customer != null && !customerId.equals(customer)) {
			throw InventoryRefusal.conflict("customerCode", "The contract is linked to another Portal Customer.");
		}
		List<String> changes = changes(terms, customer);
		if (changes.isEmpty()) {
			return false;
		}
		boolean ending = state == ContractState.ACTIVE && terms.state() == ContractState.ENDED;
		if (state == ContractState.ENDED && terms.state() == ContractState.ACTIVE) {
			throw InventoryRefusal.conflict("state", "An ended contract cannot become active again.");
		}
		if (ending && liveInstances > 0) {
			throw InventoryRefusal.conflict("state", "The contract still has " + liveInstances
					+ " service instance(s) that are not terminated; terminate them first.");
		}
		customerOfRecord = terms.customerOfRecord();
		customerId = customer == null ? customerId : customer;
		startDate = terms.startDate();
		endDate = terms.endDate();
		state = terms.state();
		updatedAt = now;
		events.add(new ContractChanged(contractNo, customerId, relevantService, contractingCompany, changes));
		if (ending) {
			events.add(new ContractEnded(contractNo, customerId, relevantService, contractingCompany, endDate));
		}
		return true;
	}

	/**
	 * Links the contract to the Portal Customer whose application was accepted for it;
	 * the desk has checked that the customer is its customer of record.
	 *
	 * @return whether it was not linked to that customer before
	 */
	boolean linkTo(UUID customer, Instant now) {
		if (customerId != null && !customerId.equals(customer)) {
			throw InventoryRefusal.conflict("customerCode", "The contract is linked to another Portal Customer.");
		}
		if (customer.equals(customerId)) {
			return false;
		}
		customerId = customer;
		updatedAt = now;
		events.add(new ContractChanged(contractNo, customerId, relevantService, contractingCompany, List.of("customerCode")));
		return true;
	}

	private List<String> changes(ContractTerms terms, UUID customer) {
		List<String> changes = new ArrayList<>();
		if (!customerOfRecord.equals(terms.customerOfRecord())) {
			changes.add("customerOfRecord");
		}
		if (customer != null && !customer.equals(customerId)) {
			changes.add("customerCode");
		}
		if (!startDate.equals(terms.startDate())) {
			changes.add("startDate");
		}
		if (!Objects.equals(endDate, terms.endDate())) {
			changes.add("endDate");
		}
		if (state != terms.state()) {
			changes.add("state");
		}
		return changes;
	}

	/** The events registered since the contract was loaded, handed out once. */
	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	String contractNo() {
		return contractNo;
	}

	String relevantService() {
		return relevantService;
	}

	String contractingCompany() {
		return contractingCompany;
	}

	CustomerOfRecord customerOfRecord() {
		return customerOfRecord;
	}

	Optional<UUID> customerId() {
		return Optional.ofNullable(customerId);
	}

	LocalDate startDate() {
		return startDate;
	}

	Optional<LocalDate> endDate() {
		return Optional.ofNullable(endDate);
	}

	ContractState state() {
		return state;
	}

	boolean ended() {
		return state == ContractState.ENDED;
	}

	Instant updatedAt() {
		return updatedAt;
	}
}
