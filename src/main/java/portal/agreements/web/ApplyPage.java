package portal.agreements.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.agreements.AgreementRefusal;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationStatus;
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

	/**
	 * The page a receipt's link opens. The link carries the application's token after {@code #},
	 * which browsers never send (ASVS 14.2.1): the page's script moves it into the form and posts
	 * it; without scripts people paste the status code the confirmation mail shows. A token in the
	 * query string is not read: it would be in logs and Referer headers.
	 */
	@GetMapping("/apply/status/{receiptNo}")
	String statusEntry(@PathVariable long receiptNo, Model model) {
		model.addAttribute("receiptNo", receiptNo);
		return "agreements/application-status-entry";
	}

	/** The state, for whoever sends the application's token in the body. */
	@PostMapping("/apply/status/{receiptNo}")
	String status(@PathVariable long receiptNo, @RequestParam(defaultValue = "") String token, Model model,
			HttpServletResponse response) {
		String code = token.strip();
		Optional<ApplicationStatus> status = code.isEmpty() ? Optional.empty() : desk.status(receiptNo, code);
		if (status.isEmpty()) {
			// Whether the receipt number exists is not the visitor's business: the same answer either way.
			response.setStatus(code.isEmpty() ? HttpStatus.BAD_REQUEST.value() : HttpStatus.NOT_FOUND.value());
			model.addAttribute("receiptNo", receiptNo);
			model.addAttribute("codeError", code.isEmpty() ? "agreements.status.code-required"
					: "agreements.status.code-unknown");
			return "agreements/application-status-entry";
		}
		model.addAttribute("status", status.get());
		return "agreements/application-status";
	}

	/** A message beside a field: its key, and the English text when the key has no translation. */
	record FieldError(String key, String text) {
	}
}
