package portal.orders.tmf;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.orders.ordering.OrderFilter;
import portal.orders.ordering.OrderPage;
import portal.orders.ordering.OrderRefusal;
import portal.orders.ordering.OrderState;
import portal.orders.ordering.Ordering;
import portal.orders.ordering.ServiceOrder;
import portal.orders.ordering.Submitted;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The customer's orders in the shape of TM Forum's Service Ordering API (TMF641 v4). Its reads belong to
 * {@link PortalFeature#SERVICES}, so that an ordering suspension leaves past orders visible.
 */
@RestController
@Feature(PortalFeature.ORDERING)
@Tag(name = "TMF641 Service Ordering", description = "The customer's service orders, shaped like TMF641 v4")
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class TmfServiceOrderController {

	static final int MAX_LIMIT = 200;

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final Ordering ordering;

	TmfServiceOrderController(Ordering ordering) {
		this.ordering = ordering;
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping(TmfServiceOrder.BASE)
	@Operation(summary = "List service orders, newest first; X-Total-Count and X-Result-Count tell the sizes")
	ResponseEntity<java.util.List<TmfServiceOrder>> list(@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String state) {
		if (offset < 0) {
			throw OrderRefusal.invalid("offset", "Use 0 or more.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw OrderRefusal.invalid("limit", "Use 1 to " + MAX_LIMIT + ".");
		}
		java.util.Set<OrderState> states = state == null || state.isBlank() ? java.util.Set.of()
				: java.util.Set.of(OrderState.of(state).orElseThrow(() -> OrderRefusal.invalid("state",
						"Use one of " + String.join(", ", OrderState.codes()) + ".")));
		OrderPage page = ordering.history(OrderFilter.of(states, null, null, null, null, null), offset, limit);
		return ResponseEntity.ok()
			.header("X-Total-Count", String.valueOf(page.total()))
			.header("X-Result-Count", String.valueOf(page.orders().size()))
			.body(page.orders().stream().map(TmfServiceOrder::of).toList());
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping(TmfServiceOrder.BASE + "/{id}")
	@Operation(summary = "One service order")
	TmfServiceOrder order(@PathVariable String id) {
		return TmfServiceOrder.of(find(id));
	}

	@PostMapping(TmfServiceOrder.BASE)
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	@Operation(summary = "Create a service order: add an instance of a relevant service (serviceSpecification.id), or "
			+ "modify or delete existing ones; Idempotency-Key as in /api/v1/orders")
	ResponseEntity<TmfServiceOrder> create(@RequestBody TmfServiceOrderCreate request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Submitted submitted = ordering.submit(request.toNewOrder(ordering::contractForAdd),
				Optional.ofNullable(idempotencyKey));
		return ResponseEntity.created(URI.create(TmfServiceOrder.BASE + "/" + submitted.order().id()))
			.body(TmfServiceOrder.of(submitted.order()));
	}

	@PatchMapping(value = TmfServiceOrder.BASE + "/{id}", consumes = MERGE_PATCH)
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	@Operation(summary = "Merge patch (RFC 7396) of what a customer may change before the order has started: "
			+ "description, externalId, notificationContact, requestedStartDate, requestedCompletionDate, notes to "
			+ "add; or state cancelled with cancellationReason to ask for its cancellation",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MERGE_PATCH,
							schema = @Schema(implementation = TmfServiceOrderUpdate.class))))
	@ApiResponse(responseCode = "400", description = "A field a customer may not change, or a bad value; the "
			+ "error's reason names the field")
	@ApiResponse(responseCode = "409", description = "The order is in progress or has ended")
	TmfServiceOrder patch(@PathVariable String id, @RequestBody Map<String, Object> patch) {
		ServiceOrder order = find(id);
		if (patch.containsKey("state") || patch.containsKey("cancellationReason")) {
			return TmfServiceOrder.of(cancel(order, patch));
		}
		return TmfServiceOrder.of(ordering.amend(order.id(), patch));
	}

	// Kept from before the amendable fields: TMF641 asks for cancellation through its own resource.
	private ServiceOrder cancel(ServiceOrder order, Map<String, Object> patch) {
		for (String field : patch.keySet()) {
			if (!field.equals("state") && !field.equals("cancellationReason")) {
				throw OrderRefusal.invalid(field, "Ask for cancellation (state cancelled, with cancellationReason) "
						+ "on its own, not with other changes.");
			}
		}
		Object state = patch.get("state");
		Object reason = patch.get("cancellationReason");
		if (reason != null && !(reason instanceof String)) {
			throw OrderRefusal.invalid("cancellationReason", "Use text.");
		}
		if (state == null) {
			throw OrderRefusal.invalid("cancellationReason", "Give it with state cancelled.");
		}
		if (!"cancelled".equals(state)) {
			throw OrderRefusal.invalid("state", "A customer may only ask for cancelled.");
		}
		return ordering.cancel(order.id(), reason == null ? "" : (String) reason);
	}

	private ServiceOrder find(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			throw OrderRefusal.notFound("The service order");
		}
		return ordering.order(uuid).orElseThrow(() -> OrderRefusal.notFound("The service order"));
	}
}
