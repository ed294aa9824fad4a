package portal.orders.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.orders.ordering.ApprovalPolicy;
import portal.orders.ordering.Approvals;
import portal.orders.ordering.OrderFilter;
import portal.orders.ordering.OrderKinds;
import portal.orders.ordering.OrderRefusal;
import portal.orders.ordering.OrderState;
import portal.orders.ordering.Ordering;
import portal.orders.ordering.Submitted;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The customer's orders: order types of an instance, submission, history, cancellation and approval.
 * Reading orders belongs to {@link PortalFeature#SERVICES}: an ordering suspension refuses new orders and
 * changes to them, never the sight of past ones.
 */
@RestController
@Feature(PortalFeature.ORDERING)
@Tag(name = "Orders", description = "Service orders and other transactions on the customer's relevant services")
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class OrdersController {

	static final int MAX_SIZE = 200;

	private final Ordering ordering;

	private final Approvals approvals;

	private final OrderKinds kinds;

	OrdersController(Ordering ordering, Approvals approvals, OrderKinds kinds) {
		this.ordering = ordering;
		this.approvals = approvals;
		this.kinds = kinds;
	}

	@GetMapping("/api/v1/orders/order-types")
	@Operation(summary = "The order types of one of the customer's service instances, or of a relevant service, "
			+ "with each parameter's rules and the instance's current values")
	List<OrderTypeResource> orderTypes(@RequestParam(required = false) String instanceId,
			@RequestParam(required = false) String relevantService, Locale locale) {
		if (instanceId != null && !instanceId.isBlank()) {
			var instance = ordering.instance(instanceId)
				.orElseThrow(() -> OrderRefusal.notFound("The service instance"));
			return kinds.of(instance.relevantService()).stream().filter(k -> !k.onContract())
				.map(k -> OrderTypeResource.of(k, instance.attributes(), locale)).toList();
		}
		if (relevantService == null || kinds.of(relevantService).isEmpty()) {
			throw OrderRefusal.invalid("relevantService", "Name a service instance or a relevant service.");
		}
		return kinds.of(relevantService).stream().map(k -> OrderTypeResource.of(k, Map.of(), locale)).toList();
	}

	@PostMapping("/api/v1/orders")
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	@Operation(summary = "Submit an order; with an Idempotency-Key a repeat answers the first order, "
			+ "and the same key with another body is refused (409)")
	ResponseEntity<OrderResource> submit(@RequestBody OrderRequest request,
			@Parameter(description = "Any unique text per intended order, at most 200 characters")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Submitted submitted = ordering.submit(request.toNewOrder(), Optional.ofNullable(idempotencyKey));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + submitted.order().id()))
			.header("Idempotent-Replayed", String.valueOf(!submitted.created()))
			.body(OrderResource.of(submitted.order()));
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping("/api/v1/orders")
	@Operation(summary = "The customer's orders, newest first, filtered and paged (at most 200 a page)")
	OrderPageResource list(@Parameter(description = "TMF641 states, comma-separated") @RequestParam(required = false)
	String state, @RequestParam(required = false) String relevantService,
			@RequestParam(required = false) String instanceId, @RequestParam(required = false) String submittedBy,
			@Parameter(description = "Ordered at or after, ISO-8601 instant") @RequestParam(required = false)
			Instant from,
			@Parameter(description = "Ordered before, ISO-8601 instant") @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		int limit = size(size);
		OrderFilter filter = OrderFilter.of(states(state), relevantService, instanceId, submittedBy, from, to);
		return OrderPageResource.of(ordering.history(filter, offset(page, limit), limit), page);
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping("/api/v1/orders/{id}")
	@Operation(summary = "One of the customer's orders with its items and timeline")
	OrderResource order(@PathVariable UUID id) {
		return ordering.order(id).map(OrderResource::of).orElseThrow(() -> OrderRefusal.notFound("The order"));
	}

	@PostMapping("/api/v1/orders/{id}/cancel")
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	@Operation(summary = "Ask to cancel an order: at once while it waits for approval, otherwise assessed by the "
			+ "fulfilling company; an ended order cannot be cancelled (409)")
	OrderResource cancel(@PathVariable UUID id, @RequestBody(required = false) NoteRequest request) {
		return OrderResource.of(ordering.cancel(id, request == null ? "" : request.text()));
	}

	@PostMapping("/api/v1/orders/{id}/approval")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	@Operation(summary = "Approve or refuse an order waiting for approval, with a note (required to refuse); "
			+ "never the submitter's own")
	OrderResource approval(@PathVariable UUID id, @RequestBody ApprovalRequest request) {
		String decision = request.decision() == null ? "" : request.decision();
		return OrderResource.of(switch (decision) {
			case "approve" -> approvals.approve(id, request.note());
			case "refuse" -> approvals.refuse(id, request.note());
			default -> throw OrderRefusal.invalid("decision", "Use approve or refuse.");
		});
	}

	@GetMapping("/api/v1/orders/approval-policy")
	@Operation(summary = "Which orders wait for an administrator's approval")
	ApprovalPolicy policy() {
		return approvals.policy();
	}

	@PutMapping("/api/v1/orders/approval-policy")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	@Operation(summary = "Set which orders wait for approval: all, some order types (<relevant service>:<order type>) "
			+ "or some relevant services")
	ApprovalPolicy setPolicy(@RequestBody ApprovalPolicy policy) {
		return approvals.setPolicy(policy);
	}

	static Set<OrderState> states(String codes) {
		if (codes == null || codes.isBlank()) {
			return Set.of();
		}
		return java.util.Arrays.stream(codes.split(",")).map(String::strip).map(code -> OrderState.of(code)
			.orElseThrow(() -> OrderRefusal.invalid("state", "Use one of " + String.join(", ", OrderState.codes())
					+ ".")))
			.collect(Collectors.toSet());
	}

	static int size(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw OrderRefusal.invalid("size", "Use 1 to " + MAX_SIZE + ".");
		}
		return size;
	}

	static int offset(int page, int size) {
		// Multiplied as long: a huge page number must be refused, not wrap round to a negative offset.
		long offset = (long) page * size;
		if (page < 0 || offset > Integer.MAX_VALUE) {
			throw OrderRefusal.invalid("page", "Use 0 to " + Integer.MAX_VALUE / size + ".");
		}
		return (int) offset;
	}
}
