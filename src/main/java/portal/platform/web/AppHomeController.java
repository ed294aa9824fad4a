package portal.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer portal's home page, where a signed-in Portal User starts. */
@Controller
class AppHomeController {

	@GetMapping("/app")
	String home() {
		return "app/home";
	}
}
