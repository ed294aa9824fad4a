package portal.agreements.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.agreements.AgreementRefusal;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.Receipt;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The public application form, its receipt, and the state for whoever holds the token. */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ApplyPage {

	private final ApplicationDesk desk;

	ApplyPage(ApplicationDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/apply")
	String form(Model model) {
		model.addAttribute("form", ApplyForm.empty());
		model.addAttribute("errors", Map.of());
		return "agreements/apply";
	}

	@PostMapping("/apply")
	String apply(@ModelAttribute("form") ApplyForm form, Model model) {
		try {
			Receipt receipt = desk.submit(form.applicant());
			model.addAttribute("receipt", receipt);
			return "agreements/applied";
		}
		catch (AgreementRefusal refusal) {
			String field = ApplyForm.FIELDS.getOrDefault(refusal.field(), refusal.field());
			model.addAttribute("errors", Map.of(field.isEmpty() ? "form" : field, new FieldError(refusal.messageKey(),
					refusal.getMessage())));
			model.addAttribute("firstError", field);
			return "agreements/apply";
		}
	}

	@GetMapping("/apply/status/{receiptNo}")
	String status(@PathVariable long receiptNo, @RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("status", desk.status(receiptNo, token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "agreements/application-status";
	}

	/** A message beside a field: its key, and the English text when the key has no translation. */
	record FieldError(String key, String text) {
	}
}
