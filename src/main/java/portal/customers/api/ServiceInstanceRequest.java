package portal.customers.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import portal.customers.inventory.InstanceReport;
import portal.customers.inventory.InstanceState;
import portal.customers.inventory.InventoryRefusal;

/** A service instance as a relevant-service system reports it; the id is in the path. */
record ServiceInstanceRequest(
		@Schema(description = "The contract the instance belongs to; it must be the key's company's")
		@NotBlank @Size(max = 64) String contractNo,
		@Schema(description = "The instance kind of the contract's relevant service", example = "circuit")
		@NotBlank @Size(max = 64) String kind,
		@NotBlank @Size(max = InstanceReport.MAX_LABEL) String label,
		@Schema(description = "Attribute values as the relevant service's descriptor defines them")
		Map<String, Object> attributes,
		@Schema(allowableValues = { "feasibilityChecked", "designed", "reserved", "inactive", "active", "terminated" })
		@NotBlank String state) {

	InstanceReport toReport(String instanceId) {
		InstanceState instanceState = InstanceState.of(state)
			.orElseThrow(() -> InventoryRefusal.invalid("state", "Use one of "
					+ String.join(", ", InstanceState.codes()) + "."));
		return new InstanceReport(instanceId, contractNo, kind, label, attributes, instanceState);
	}
}
