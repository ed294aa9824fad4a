package portal.customers.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.customers.inventory.InstanceFilter;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.InventoryRefusal;
import portal.customers.inventory.Paging;
import portal.platform.Tenancy;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The signed-in customer's own contracts and service instances, for every customer role. */
@RestController
@Feature(PortalFeature.SERVICES)
@Tag(name = "Services", description = "The signed-in customer's contracts and service instances")
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class CustomerInventoryController {

	private final Inventory inventory;

	private final Tenancy tenancy;

	CustomerInventoryController(Inventory inventory, Tenancy tenancy) {
		this.inventory = inventory;
		this.tenancy = tenancy;
	}

	@GetMapping("/api/v1/contracts")
	@Operation(summary = "The customer's relevant-service contracts, by relevant service")
	PageResource<ContractResource> contracts(@RequestParam(required = false) String relevantService,
			@Parameter(description = "active or ended") @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return PageResource.of(inventory.contracts(customer(), relevantService, state, new Paging(page, size)),
				ContractResource::of);
	}

	@GetMapping("/api/v1/service-instances")
	@Operation(summary = "The customer's service instances, filtered and paged (at most 200 a page)")
	PageResource<ServiceInstanceResource> instances(@RequestParam(required = false) String relevantService,
			@RequestParam(required = false) String contractNo,
			@Parameter(description = "A TMF638 state, such as active") @RequestParam(required = false) String state,
			@Parameter(description = "Text in the label or id, any case") @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return PageResource.of(inventory.instances(customer(), new InstanceFilter(relevantService, contractNo, state, q),
				new Paging(page, size)), ServiceInstanceResource::of);
	}

	@GetMapping("/api/v1/service-instances/{id}")
	@Operation(summary = "One of the customer's service instances with its attributes")
	ServiceInstanceResource instance(@PathVariable String id) {
		return inventory.instance(customer(), id).map(ServiceInstanceResource::of)
			.orElseThrow(() -> InventoryRefusal.notFound("The service instance"));
	}

	private UUID customer() {
		return tenancy.scope().customerId()
			.orElseThrow(() -> new AccessDeniedException("Only a customer's users read its services"));
	}
}
