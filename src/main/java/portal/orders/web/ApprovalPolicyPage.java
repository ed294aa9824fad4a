package portal.orders.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.orders.ordering.ApprovalPolicy;
import portal.orders.ordering.Approvals;
import portal.orders.ordering.OrderRefusal;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The administrator's choice of which orders wait for an administrator's approval. */
@Controller
@Feature(PortalFeature.ORDERING)
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class ApprovalPolicyPage {

	private final Approvals approvals;

	private final MessageSource messages;

	ApprovalPolicyPage(Approvals approvals, MessageSource messages) {
		this.approvals = approvals;
		this.messages = messages;
	}

	@GetMapping("/app/orders/approval-policy")
	String policy(Model model, Locale locale) {
		model.addAttribute("policy", approvals.policy());
		model.addAttribute("services", approvals.orderTypesHeld().entrySet().stream()
			.map(e -> Map.of("key", e.getKey(), "types", e.getValue().stream()
				.map(k -> Map.of("value", e.getKey() + ":" + k.key(), "name", k.type().name().in(locale)))
				.toList()))
			.toList());
		return "orders/approval-policy";
	}

	@PostMapping("/app/orders/approval-policy")
	String save(@RequestParam(defaultValue = "false") boolean allOrders,
			@RequestParam(required = false) List<String> relevantServices,
			@RequestParam(required = false) List<String> orderTypes, RedirectAttributes redirect, Locale locale) {
		try {
			approvals.setPolicy(new ApprovalPolicy(allOrders, orderTypes == null ? Set.of() : Set.copyOf(orderTypes),
					relevantServices == null ? Set.of() : Set.copyOf(relevantServices)));
			redirect.addFlashAttribute("saved", true);
		}
		catch (OrderRefusal refusal) {
			redirect.addFlashAttribute("refusal", messages.getMessage(refusal, locale));
		}
		return "redirect:/app/orders/approval-policy";
	}
}
