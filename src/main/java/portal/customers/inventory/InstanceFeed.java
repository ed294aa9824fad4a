package portal.customers.inventory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ServiceKindDescriptors;

/**
 * Records service instances as a relevant-service system reports them: idempotently,
 * checked against the relevant service's descriptor (kind and attributes), and only under
 * contracts of the contracting company the system's key is bound to.
 */
@Service
public class InstanceFeed {

	private final Contracts contracts;

	private final ServiceInstances instances;

	private final ServiceKindDescriptors descriptors;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InstanceFeed(Contracts contracts, ServiceInstances instances, ServiceKindDescriptors descriptors,
			MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.contracts = contracts;
		this.instances = instances;
		this.descriptors = descriptors;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param keyCompany the contracting company the reporting system's key is bound to
	 * @throws InventoryRefusal when the contract is another company's, the report is invalid, or
	 *         the change is not allowed in the contract's or instance's state; nothing is written then
	 */
	@Transactional
	public Recorded<InstanceRow> record(String keyCompany, InstanceReport report) {
		// Another company's contract is outside the key's scope: it reads as absent, so ask who holds it.
		Contract contract = contracts.lock(report.contractNo())
			.orElseThrow(() -> contracts.company(report.contractNo()).isPresent()
					? InventoryRefusal.foreignCompany("contractNo")
					: InventoryRefusal.invalid("contractNo", "There is no contract " + report.contractNo()
							+ "; report the contract first."));
		if (!contract.contractingCompany().equals(keyCompany)) {
			throw InventoryRefusal.foreignCompany("contractNo");
		}
		Optional<ServiceInstance> existing = instances.lock(report.instanceId());
		if (existing.isPresent() && !existing.get().contractNo().equals(contract.contractNo())) {
			requireOwnContract(existing.get().contractNo(), keyCompany);
		}
		ServiceKindDescriptor descriptor = descriptors.require(contract.relevantService());
		if (!descriptor.instanceKind().code().equals(report.kind())) {
			throw InventoryRefusal.invalid("kind", "An instance of " + descriptor.key() + " is a "
					+ descriptor.instanceKind().code() + ".");
		}
		Attributes attributes = new AttributeRules(descriptor, messages).normalise(report.attributes());
		if (existing.isEmpty()) {
			ServiceInstance instance = ServiceInstance.record(report, contract, attributes, clock.instant());
			if (!instances.insert(instance)) {
				if (instances.lock(report.instanceId()).isEmpty()) {
					// The id is taken by an instance the key cannot see: another company's.
					throw InventoryRefusal.foreignCompany("instanceId");
				}
				throw InventoryRefusal.conflict("instanceId", "The instance was recorded by another request just now; "
						+ "send the report again.");
			}
			return recorded(instance.id(), instance.takeEvents(), Recorded.Outcome.CREATED);
		}
		ServiceInstance instance = existing.get();
		if (!instance.apply(report, contract, attributes, clock.instant())) {
			return recorded(instance.id(), List.of(), Recorded.Outcome.UNCHANGED);
		}
		instances.update(instance);
		return recorded(instance.id(), instance.takeEvents(), Recorded.Outcome.CHANGED);
	}

	// Moving an instance between contracts needs the key to own both of them.
	private void requireOwnContract(String contractNo, String keyCompany) {
		contracts.lock(contractNo)
			.filter(c -> c.contractingCompany().equals(keyCompany))
			.orElseThrow(() -> InventoryRefusal.foreignCompany("instanceId"));
	}

	private Recorded<InstanceRow> recorded(String id, List<Object> published, Recorded.Outcome outcome) {
		published.forEach(events::publishEvent);
		return new Recorded<>(instances.row(id).orElseThrow(), outcome);
	}
}
