package portal.customers.inventory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.ServiceKindDescriptors;

/**
 * Applies a completed order to a service instance: new attribute values, checked against the
 * relevant service's descriptor like a system's report, or its termination. Runs in the
 * caller's transaction, so the instance changes together with the order's state.
 */
@Service
public class InstanceOrders {

	private final Contracts contracts;

	private final ServiceInstances instances;

	private final ServiceKindDescriptors descriptors;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InstanceOrders(Contracts contracts, ServiceInstances instances, ServiceKindDescriptors descriptors,
			MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.contracts = contracts;
		this.instances = instances;
		this.descriptors = descriptors;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param changes attribute values to take over; keys the descriptor does not define are refused
	 * @param terminate whether the instance ends
	 * @return the instance after the change
	 * @throws InventoryRefusal when the instance is unknown, terminated, under an ended contract, or a value is invalid
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public InstanceRow apply(String instanceId, Map<String, ?> changes, boolean terminate) {
		ServiceInstance instance = instances.lock(instanceId)
			.orElseThrow(() -> InventoryRefusal.notFound("The service instance"));
		if (instance.state() == InstanceState.TERMINATED) {
			throw InventoryRefusal.conflict("state", "A terminated service instance takes no orders.");
		}
		Contract contract = contracts.lock(instance.contractNo()).orElseThrow();
		Map<String, Object> merged = new LinkedHashMap<>(instance.attributes().values());
		merged.putAll(changes);
		Attributes attributes = new AttributeRules(descriptors.require(instance.relevantService()), messages)
			.normalise(merged);
		InstanceState state = terminate ? InstanceState.TERMINATED : instance.state();
		InstanceReport report = new InstanceReport(instance.id(), instance.contractNo(), instance.kind(),
				instance.label(), Map.copyOf(attributes.values()), state);
		if (instance.apply(report, contract, attributes, clock.instant())) {
			instances.update(instance);
			instance.takeEvents().forEach(events::publishEvent);
		}
		return instances.row(instanceId).orElseThrow();
	}
}
