package portal.customers.api;

import java.net.URI;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.InstanceFeed;
import portal.customers.inventory.Recorded;
import portal.customers.systemkeys.ServiceSystem;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Where relevant-service systems report contracts and service instances, each with the API
 * key of its contracting company. Reports are idempotent: sending the same one again
 * changes nothing and answers the same body. The mappings do not narrow the content type,
 * so that a body of another type reaches the handler and is refused as a problem detail.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "System feed", description = "Relevant-service systems report contracts and service instances")
@SecurityScheme(name = "systemKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "The system API key (cps_…) staff issued for the contracting company's system")
@SecurityRequirement(name = "systemKey")
class SystemFeedController {

	private final ContractFeed contracts;

	private final InstanceFeed instances;

	SystemFeedController(ContractFeed contracts, InstanceFeed instances) {
		this.contracts = contracts;
		this.instances = instances;
	}

	@PutMapping("/api/v1/system/contracts/{contractNo}")
	@Operation(summary = "Records a contract of the key's contracting company, or its changes")
	@ApiResponse(responseCode = "201", description = "The contract was new")
	@ApiResponse(responseCode = "200", description = "The contract was changed, or was already as reported")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names the field")
	@ApiResponse(responseCode = "403", description = "The contract is another contracting company's")
	@ApiResponse(responseCode = "409", description = "The change is not allowed in the contract's state")
	ResponseEntity<ContractResource> putContract(@AuthenticationPrincipal ServiceSystem system,
			@PathVariable String contractNo, @Valid @RequestBody ContractRequest request) {
		Recorded<ContractResource> recorded = map(
				contracts.record(system.contractingCompany(), request.toTerms(contractNo)), ContractResource::of);
		return answer(recorded, "/api/v1/contracts/" + contractNo);
	}

	@PutMapping("/api/v1/system/service-instances/{instanceId}")
	@Operation(summary = "Records a service instance under a contract of the key's contracting company, or its changes")
	@ApiResponse(responseCode = "201", description = "The instance was new")
	@ApiResponse(responseCode = "200", description = "The instance was changed, or was already as reported")
	@ApiResponse(responseCode = "400", description = "Invalid input, such as an attribute the descriptor refuses; "
			+ "the problem names the field")
	@ApiResponse(responseCode = "403", description = "The contract is another contracting company's")
	@ApiResponse(responseCode = "409", description = "The change is not allowed in the contract's or instance's state")
	ResponseEntity<ServiceInstanceResource> putInstance(@AuthenticationPrincipal ServiceSystem system,
			@PathVariable String instanceId, @Valid @RequestBody ServiceInstanceRequest request) {
		Recorded<ServiceInstanceResource> recorded = map(
				instances.record(system.contractingCompany(), request.toReport(instanceId)), ServiceInstanceResource::of);
		return answer(recorded, "/api/v1/service-instances/" + instanceId);
	}

	private static <R, T> Recorded<T> map(Recorded<R> recorded, Function<R, T> mapping) {
		return new Recorded<>(mapping.apply(recorded.value()), recorded.outcome());
	}

	private static <T> ResponseEntity<T> answer(Recorded<T> recorded, String location) {
		return recorded.created() ? ResponseEntity.created(URI.create(location)).body(recorded.value())
				: ResponseEntity.ok(recorded.value());
	}
}
