package portal.platform.web;

import portal.platform.Feature;
import portal.platform.PortalFeature;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console's home page, where the Company's staff start. */
@Controller
@Feature(PortalFeature.OPERATIONS)
class ConsoleHomeController {

	@GetMapping("/console")
	String home() {
		return "console/home";
	}
}
