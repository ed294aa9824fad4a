package portal.platform.web;

import portal.platform.Feature;
import portal.platform.PortalFeature;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer portal's home page, where a signed-in Portal User starts. */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class AppHomeController {

	@GetMapping("/app")
	String home() {
		return "app/home";
	}
}
