package portal.orders.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.orders.ordering.Fulfilment;
import portal.orders.ordering.Move;
import portal.orders.ordering.OrderFilter;
import portal.orders.ordering.OrderRefusal;
import portal.orders.ordering.OrderState;
import portal.orders.ordering.ServiceOrder;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The console's fulfilment queue: orders on the staff member's company's contracts, and their moves. */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')")
class ConsoleOrdersPage {

	/** The moves each state offers, in the order the buttons show them. */
	static final Map<OrderState, List<Move>> MOVES = Map.of(
			OrderState.ACKNOWLEDGED, List.of(Move.START, Move.REJECT),
			OrderState.IN_PROGRESS, List.of(Move.COMPLETE, Move.COMPLETE_PARTLY, Move.HOLD, Move.FAIL),
			OrderState.HELD, List.of(Move.RESUME, Move.FAIL),
			OrderState.ASSESSING_CANCELLATION, List.of(Move.ACCEPT_CANCELLATION, Move.DECLINE_CANCELLATION),
			OrderState.PENDING_CANCELLATION, List.of(Move.CONFIRM_CANCELLATION));

	private final Fulfilment fulfilment;

	private final MessageSource messages;

	ConsoleOrdersPage(Fulfilment fulfilment, MessageSource messages) {
		this.fulfilment = fulfilment;
		this.messages = messages;
	}

	@GetMapping("/console/orders")
	String queue(@RequestParam(defaultValue = "open") String state, Model model) {
		Set<OrderState> states = "open".equals(state) ? Set.of(OrderState.ACKNOWLEDGED, OrderState.IN_PROGRESS,
				OrderState.HELD, OrderState.ASSESSING_CANCELLATION, OrderState.PENDING_CANCELLATION)
				: "all".equals(state) ? Set.of() : Set.of(OrderState.of(state)
					.orElseThrow(() -> OrderRefusal.invalid("state", "Unknown state.")));
		model.addAttribute("orders", fulfilment.queue(OrderFilter.of(states, null, null, null, null, null), 0, 200));
		model.addAttribute("state", state);
		model.addAttribute("states", OrderState.codes());
		return "orders/console-queue";
	}

	@GetMapping("/console/orders/{id}")
	String order(@PathVariable UUID id, Model model) {
		ServiceOrder order = fulfilment.order(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		model.addAttribute("moves", MOVES.getOrDefault(order.state(), List.of()));
		return "orders/console-order";
	}

	@PostMapping("/console/orders/{id}/moves")
	String move(@PathVariable UUID id, @RequestParam String move, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect, Locale locale) {
		try {
			fulfilment.move(id, Move.of(move).orElseThrow(() -> OrderRefusal.invalid("move", "Unknown move.")), note);
		}
		catch (OrderRefusal refusal) {
			redirect.addFlashAttribute("refusal", messages.getMessage(refusal, locale));
		}
		catch (portal.platform.PortalException refusal) {
			redirect.addFlashAttribute("refusal", refusal.getMessage());
		}
		return "redirect:/console/orders/" + id;
	}
}
