package portal.customers.api;

import java.time.Instant;
import java.util.Map;

import portal.customers.inventory.InstanceRow;

/** A service instance over JSON, its attributes as the relevant service's descriptor defines them. */
record ServiceInstanceResource(String id, String contractNo, String relevantService, String kind, String label,
		Map<String, Object> attributes, String state, Instant updatedAt) {

	static ServiceInstanceResource of(InstanceRow row) {
		return new ServiceInstanceResource(row.id(), row.contractNo(), row.relevantService(), row.kind(), row.label(),
				row.attributes(), row.state(), row.updatedAt());
	}
}
