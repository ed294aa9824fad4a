package portal.platform.web;

import portal.platform.Feature;
import portal.platform.PortalFeature;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public Portal Page: what the portal offers, how to apply and the supported operating
 * environment. Open to everyone, signed in or not.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class PortalPageController {

	@GetMapping("/")
	String home() {
		return "portal-page/home";
	}

	@GetMapping("/portal-page/environment")
	String environment(Model model) {
		model.addAttribute("browsers", SupportedBrowser.ALL);
		model.addAttribute("minimumScreenWidth", SupportedBrowser.MINIMUM_SCREEN_WIDTH_PX);
		return "portal-page/environment";
	}

	/** The application form lives at /apply now; old links keep working. */
	@GetMapping("/portal-page/apply")
	String apply() {
		return "redirect:/apply";
	}
}
