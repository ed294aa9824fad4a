package portal.customers.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import portal.customers.events.ServiceInstanceChanged;
import portal.customers.events.ServiceInstanceRecorded;

/**
 * A service instance under a relevant-service contract, kept as the system reports it.
 * The rules: nothing changes under an ended contract; an instance stays with contracts of
 * its relevant service; a terminated instance does not come back.
 */
class ServiceInstance {

	private final String id;
	private String contractNo;
	private UUID customerId;
	private final String relevantService;
	private final String kind;
	private String label;
	private Attributes attributes;
	private InstanceState state;
	private Instant updatedAt;
	private final List<Object> events = new ArrayList<>();

	ServiceInstance(String id, String contractNo, UUID customerId, String relevantService, String kind, String label,
			Attributes attributes, InstanceState state, Instant updatedAt) {
		this.id = id;
		this.contractNo = contractNo;
		this.customerId = customerId;
		this.relevantService = relevantService;
		this.kind = kind;
		this.label = label;
		this.attributes = attributes;
		this.state = state;
		this.updatedAt = updatedAt;
	}

	/** An instance first reported, under a contract that has not ended. */
	static ServiceInstance record(InstanceReport report, Contract contract, Attributes attributes, Instant now) {
		if (contract.ended()) {
			throw InventoryRefusal.conflict("contractNo", "The contract has ended; it takes no new service instances.");
		}
		ServiceInstance instance = new ServiceInstance(report.instanceId(), contract.contractNo(),
				contract.customerId().orElse(null), contract.relevantService(), report.kind(), report.label(),
				attributes, report.state(), now);
		instance.events.add(new ServiceInstanceRecorded(instance.id, instance.contractNo, instance.customerId,
				instance.relevantService, instance.kind, instance.state.code()));
		return instance;
	}

	/** Takes over what the system reports now; returns whether anything changed. */
	boolean apply(InstanceReport report, Contract contract, Attributes reported, Instant now) {
		if (!relevantService.equals(contract.relevantService())) {
			throw InventoryRefusal.conflict("contractNo",
					"The instance belongs to " + relevantService + " and cannot move to a contract of another service.");
		}
		List<String> changes = changes(report, reported);
		if (changes.isEmpty()) {
			return false;
		}
		if (contract.ended()) {
			throw InventoryRefusal.conflict("contractNo", "The contract has ended; its service instances cannot change.");
		}
		if (state == InstanceState.TERMINATED && report.state() != InstanceState.TERMINATED) {
			throw InventoryRefusal.conflict("state", "A terminated service instance cannot change state again.");
		}
		contractNo = contract.contractNo();
		customerId = contract.customerId().orElse(null);
		label = report.label();
		attributes = reported;
		state = report.state();
		updatedAt = now;
		events.add(new ServiceInstanceChanged(id, contractNo, customerId, relevantService, state.code(), changes));
		return true;
	}

	private List<String> changes(InstanceReport report, Attributes reported) {
		List<String> changes = new ArrayList<>();
		if (!contractNo.equals(report.contractNo())) {
			changes.add("contractNo");
		}
		if (!label.equals(report.label())) {
			changes.add("label");
		}
		if (!attributes.equals(reported)) {
			changes.add("attributes");
		}
		if (state != report.state()) {
			changes.add("state");
		}
		return changes;
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	String id() {
		return id;
	}

	String contractNo() {
		return contractNo;
	}

	Optional<UUID> customerId() {
		return Optional.ofNullable(customerId);
	}

	String relevantService() {
		return relevantService;
	}

	String kind() {
		return kind;
	}

	String label() {
		return label;
	}

	Attributes attributes() {
		return attributes;
	}

	InstanceState state() {
		return state;
	}

	Instant updatedAt() {
		return updatedAt;
	}
}
