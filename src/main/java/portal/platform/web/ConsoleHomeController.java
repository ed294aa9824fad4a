package portal.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console's home page, where the Company's staff start. */
@Controller
class ConsoleHomeController {

	@GetMapping("/console")
	String home() {
		return "console/home";
	}
}
