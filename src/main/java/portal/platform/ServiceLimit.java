package portal.platform;

import java.io.Serializable;
import java.util.Set;

/**
 * A limit on which relevant services and service instances a user of a customer may see
 * and act on. Empty sets do not limit: a user without limits sees all of the
 * customer's services.
 */
public record ServiceLimit(Set<String> services, Set<String> instances) implements Serializable {

	public static final ServiceLimit NONE = new ServiceLimit(Set.of(), Set.of());

	public ServiceLimit {
		services = services == null ? Set.of() : Set.copyOf(services);
		instances = instances == null ? Set.of() : Set.copyOf(instances);
	}

	public boolean limitsServices() {
		return !services.isEmpty();
	}

	public boolean limitsInstances() {
		return !instances.isEmpty();
	}

	/** Whether an instance of a relevant service lies within the limit. */
	public boolean allows(String relevantService, String instanceId) {
		return (services.isEmpty() || services.contains(relevantService))
				&& (instances.isEmpty() || instances.contains(instanceId));
	}
}
