package portal.orders.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import portal.customers.Customers;
import portal.orders.ordering.Fulfilment;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.PortalPrincipal;

/** Relevant-service systems move orders on their own company's contracts, as its staff do in the console. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "System API", description = "For relevant-service systems, with their system key")
class SystemOrdersController {

	private final Fulfilment fulfilment;

	private final Customers customers;

	SystemOrdersController(Fulfilment fulfilment, Customers customers) {
		this.fulfilment = fulfilment;
		this.customers = customers;
	}

	@PatchMapping("/api/v1/system/orders/{id}")
	@Operation(summary = "Move an order on a contract of the key's company to a new state; completion changes the "
			+ "instance. Orders of other companies' contracts are not found (404).")
	OrderResource move(@PathVariable UUID id, @RequestBody MoveRequest request,
			@AuthenticationPrincipal PortalPrincipal principal) {
		String company = customers.systemCompany(principal)
			.orElseThrow(() -> new AccessDeniedException("Only a relevant-service system's key moves orders here"));
		return OrderResource.of(fulfilment.moveAsSystem(id, ConsoleOrdersController.move(request.state()),
				request.note(), company));
	}
}
