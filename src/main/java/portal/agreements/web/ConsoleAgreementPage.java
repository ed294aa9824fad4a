package portal.agreements.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Htmx;

/** A customer's Portal Agreement and its timeline for staff; the customer's console page loads it as a fragment. */
@Controller
@Feature(PortalFeature.OPERATIONS)
class ConsoleAgreementPage {

	private final AgreementLifecycle lifecycle;

	ConsoleAgreementPage(AgreementLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@GetMapping("/console/customers/{code}/agreement")
	String agreement(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("agreement", lifecycle.viewByCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("code", code);
		return Htmx.view(request, response, "agreements/console-agreement", "agreement");
	}
}
