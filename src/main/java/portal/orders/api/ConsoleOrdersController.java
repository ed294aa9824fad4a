package portal.orders.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.orders.ordering.Fulfilment;
import portal.orders.ordering.Move;
import portal.orders.ordering.OrderFilter;
import portal.orders.ordering.OrderRefusal;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The fulfilment queue of the staff member's contracting company (the Company's, or an affiliate's). */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "Console: orders", description = "Fulfilment of orders by the contracting company's staff")
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')")
class ConsoleOrdersController {

	private final Fulfilment fulfilment;

	ConsoleOrdersController(Fulfilment fulfilment) {
		this.fulfilment = fulfilment;
	}

	@GetMapping("/api/v1/console/orders")
	@Operation(summary = "The queue of orders on the staff member's company's contracts, newest first")
	OrderPageResource queue(@RequestParam(required = false) String state,
			@RequestParam(required = false) String relevantService, @RequestParam(required = false) String instanceId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		int limit = OrdersController.size(size);
		OrderFilter filter = OrderFilter.of(OrdersController.states(state), relevantService, instanceId, null, from,
				to);
		return OrderPageResource.of(fulfilment.queue(filter, OrdersController.offset(page, limit), limit), page);
	}

	@GetMapping("/api/v1/console/orders/{id}")
	@Operation(summary = "One order of the queue")
	OrderResource order(@PathVariable UUID id) {
		return fulfilment.order(id).map(OrderResource::of).orElseThrow(() -> OrderRefusal.notFound("The order"));
	}

	@PostMapping("/api/v1/console/orders/{id}/moves")
	@Operation(summary = "Move an order on: start, reject, hold, resume, complete (changes the instance), "
			+ "complete partly, fail, or decide on a cancellation")
	OrderResource move(@PathVariable UUID id, @RequestBody MoveRequest request) {
		return OrderResource.of(fulfilment.move(id, move(request.state()), request.note()));
	}

	static Move move(String state) {
		return Move.of(state == null ? "" : state).orElseThrow(() -> OrderRefusal.invalid("state",
				"Use one of " + String.join(", ", java.util.Arrays.stream(Move.values()).map(Move::code).toList())
						+ "."));
	}
}
