package portal.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.customers.Customers;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.administration.SessionSweeps;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;

/**
 * Ending every session at once (ASVS 7.4.5): a customer administrator for their customer's
 * other users, from the users page; a staff administrator for one customer's users or for
 * everyone, from the console. Each asks first; the service decides who may.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
class SessionSweepsPages {

	private static final List<String> FIELDS = List.of("customer", PageErrors.FORM);

	private final SessionSweeps sweeps;

	private final Customers customers;

	SessionSweepsPages(SessionSweeps sweeps, Customers customers) {
		this.sweeps = sweeps;
		this.customers = customers;
	}

	@GetMapping("/app/users/sessions")
	@Feature(PortalFeature.USER_ADMINISTRATION)
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String askOwnCustomers() {
		return "identity/users-sessions";
	}

	@PostMapping("/app/users/sessions/end")
	@Feature(PortalFeature.USER_ADMINISTRATION)
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String endOwnCustomers(@AuthenticationPrincipal PortalUser admin, RedirectAttributes redirect) {
		redirect.addFlashAttribute("sessionsEnded", sweeps.endOwnCustomers(admin));
		return "redirect:/app/users";
	}

	@GetMapping("/console/sessions")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	String console(Model model) {
		PageErrors.none().addTo(model, FIELDS);
		return "identity/console-sessions";
	}

	/** Without {@code confirmed} the page asks first, naming the customer. */
	@PostMapping("/console/sessions/customer")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	String endCustomers(@AuthenticationPrincipal PortalUser admin, @RequestParam(defaultValue = "") String customer,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		FormErrors errors = PageErrors.none();
		String code = customer.trim();
		if (code.isEmpty()) {
			errors.add("customer", "identity.page.sessions.customer-required");
		}
		else if (!confirmed) {
			var found = customers.byCode(code);
			if (found.isPresent()) {
				model.addAttribute("confirmCustomer", found.get());
			}
			else {
				errors.add("customer", "identity.page.problem.customer-not-found");
			}
		}
		else {
			try {
				redirect.addFlashAttribute("sessionsEnded", sweeps.endCustomers(admin, code));
				return "redirect:/console/sessions";
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, "customer");
			}
		}
		model.addAttribute("customer", code);
		errors.addTo(model, FIELDS);
		return "identity/console-sessions";
	}

	/** Without {@code confirmed} the page asks first. */
	@PostMapping("/console/sessions/everyone")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	String endEveryones(@AuthenticationPrincipal PortalUser admin,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		FormErrors errors = PageErrors.none();
		if (!confirmed) {
			model.addAttribute("confirmEveryone", true);
		}
		else {
			try {
				HttpSession session = request.getSession(false);
				redirect.addFlashAttribute("sessionsEnded",
						sweeps.endEveryones(admin, session == null ? null : session.getId()));
				return "redirect:/console/sessions";
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		errors.addTo(model, FIELDS);
		return "identity/console-sessions";
	}
}
