package portal.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.customers.inventory.CustomerRegistry;
import portal.customers.inventory.CustomerRow;
import portal.customers.inventory.InstanceFilter;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.InventoryRefusal;
import portal.customers.inventory.Paging;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Staff look up Portal Customers and their inventory. Staff of an affiliate find only
 * customers that hold a contract with their company.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "Console: customers", description = "Staff look up customers, their contracts and service instances")
@PreAuthorize("hasRole('STAFF')")
class ConsoleCustomersController {

	private final CustomerRegistry customers;

	private final Inventory inventory;

	ConsoleCustomersController(CustomerRegistry customers, Inventory inventory) {
		this.customers = customers;
		this.inventory = inventory;
	}

	@GetMapping("/api/v1/console/customers")
	@Operation(summary = "Customers whose code or legal name contains the text, by code")
	PageResource<CustomerResource> search(
			@Parameter(description = "Text in the code or legal name, any case") @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return PageResource.of(customers.search(q, new Paging(page, size)), CustomerResource::of);
	}

	@GetMapping("/api/v1/console/customers/{code}")
	@Operation(summary = "One customer")
	CustomerResource customer(@PathVariable String code) {
		return CustomerResource.of(find(code));
	}

	@GetMapping("/api/v1/console/customers/{code}/contracts")
	@Operation(summary = "A customer's relevant-service contracts")
	PageResource<ContractResource> contracts(@PathVariable String code,
			@RequestParam(required = false) String relevantService, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return PageResource.of(inventory.contracts(find(code).id(), relevantService, state, new Paging(page, size)),
				ContractResource::of);
	}

	@GetMapping("/api/v1/console/customers/{code}/service-instances")
	@Operation(summary = "A customer's service instances, filtered and paged (at most 200 a page)")
	PageResource<ServiceInstanceResource> instances(@PathVariable String code,
			@RequestParam(required = false) String relevantService, @RequestParam(required = false) String contractNo,
			@RequestParam(required = false) String state, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return PageResource.of(inventory.instances(find(code).id(),
				new InstanceFilter(relevantService, contractNo, state, q), new Paging(page, size)),
				ServiceInstanceResource::of);
	}

	private CustomerRow find(String code) {
		return customers.byCode(code).orElseThrow(() -> InventoryRefusal.notFound("The customer " + code));
	}
}
