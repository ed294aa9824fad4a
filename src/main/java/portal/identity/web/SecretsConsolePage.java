package portal.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.identity.credentials.SecretsResealing;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Staff administrators reseal every stored second-factor secret after a key rotation. */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasRole('STAFF_ADMIN')")
class SecretsConsolePage {

	private final SecretsResealing resealing;

	SecretsConsolePage(SecretsResealing resealing) {
		this.resealing = resealing;
	}

	@GetMapping("/console/secrets")
	String page(Model model) {
		return "identity/console-secrets";
	}

	@PostMapping("/console/secrets/reseal")
	String reseal(RedirectAttributes redirect) {
		redirect.addFlashAttribute("resealed", resealing.resealAll());
		return "redirect:/console/secrets";
	}
}
