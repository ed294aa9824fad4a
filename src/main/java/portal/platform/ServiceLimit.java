package portal.platform;

import java.io.Serializable;
import java.util.Set;

/**
 * A limit on which relevant services and service instances a user of a customer may see
 * and act on, and the relevant services withheld from the customer right now
 * because they are suspended. Empty sets do not limit: a user without
 * limits sees all of the customer's services. Withheld services are left out of every list
 * and refused one by one with {@link ServiceWithheld}.
 */
public record ServiceLimit(Set<String> services, Set<String> instances, Set<String> withheld) implements Serializable {

	public static final ServiceLimit NONE = new ServiceLimit(Set.of(), Set.of(), Set.of());

	public ServiceLimit {
		services = services == null ? Set.of() : Set.copyOf(services);
		instances = instances == null ? Set.of() : Set.copyOf(instances);
		withheld = withheld == null ? Set.of() : Set.copyOf(withheld);
	}

	public ServiceLimit(Set<String> services, Set<String> instances) {
		this(services, instances, Set.of());
	}

	/** The same limit with these relevant services withheld as well. */
	public ServiceLimit withholding(Set<String> suspended) {
		return suspended.isEmpty() ? this : new ServiceLimit(services, instances, suspended);
	}

	/** The user's own limit, without what is withheld. */
	public ServiceLimit withoutWithheld() {
		return withheld.isEmpty() ? this : new ServiceLimit(services, instances);
	}

	public boolean limitsServices() {
		return !services.isEmpty();
	}

	public boolean limitsInstances() {
		return !instances.isEmpty();
	}

	public boolean withholdsServices() {
		return !withheld.isEmpty();
	}

	public boolean withholds(String relevantService) {
		return withheld.contains(relevantService);
	}

	/** Whether an instance of a relevant service lies within the limit and its service is not withheld. */
	public boolean allows(String relevantService, String instanceId) {
		return allowsService(relevantService) && (instances.isEmpty() || instances.contains(instanceId));
	}

	/** Whether the relevant service lies within the limit and is not withheld. */
	public boolean allowsService(String relevantService) {
		return !withheld.contains(relevantService) && (services.isEmpty() || services.contains(relevantService));
	}

	/**
	 * Whether one row may be shown: within the limit. A row within the user's limit whose
	 * service is withheld is refused with the suspension's answer rather than as unknown.
	 *
	 * @throws ServiceWithheld when the row is the user's to see but its service is withheld
	 */
	public boolean admits(String relevantService, String instanceId) {
		if (withheld.contains(relevantService) && withoutWithheld().allows(relevantService, instanceId)) {
			throw new ServiceWithheld(relevantService);
		}
		return allows(relevantService, instanceId);
	}

	/**
	 * Refuses a single row of a withheld service with the suspension's answer rather than as
	 * unknown: the customer learns why, not that it vanished.
	 *
	 * @throws ServiceWithheld when the relevant service is withheld
	 */
	public void requireNotWithheld(String relevantService) {
		if (withheld.contains(relevantService)) {
			throw new ServiceWithheld(relevantService);
		}
	}
}
