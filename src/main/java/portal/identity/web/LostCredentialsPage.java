package portal.identity.web;

import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import portal.platform.web.FormErrors;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.RateLimitExceeded;

/**
 * Anyone may report login information lost or stolen. Whether the login ID and
 * email matched an account, the answer is the same, so the form tells nobody which
 * accounts exist.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class LostCredentialsPage {

	private final LostCredentials lost;

	LostCredentialsPage(LostCredentials lost) {
		this.lost = lost;
	}

	@GetMapping("/lost-credentials")
	String form(Model model) {
		model.addAttribute("form", LostCredentialsForm.empty());
		PageErrors.none().addTo(model, LostCredentialsForm.FIELDS);
		return "identity/lost-credentials";
	}

	@PostMapping("/lost-credentials")
	String report(@Valid @ModelAttribute("form") LostCredentialsForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		FormErrors errors = PageErrors.of(binding);
		errors.addTo(model, LostCredentialsForm.FIELDS);
		if (!errors.isEmpty()) {
			return "identity/lost-credentials";
		}
		try {
			lost.reportAnonymously(form.loginId().trim(), form.email().trim());
		}
		catch (RateLimitExceeded refused) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("rateLimited", true);
			return "identity/lost-credentials";
		}
		model.addAttribute("reported", true);
		return "identity/lost-credentials";
	}
}
