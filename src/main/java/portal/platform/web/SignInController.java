package portal.platform.web;

import portal.platform.Feature;
import portal.platform.PortalFeature;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. Spring Security processes the form's POST; this class only renders
 * the page, including after a failed attempt ({@code ?error}).
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class SignInController {

	@GetMapping("/sign-in")
	String signIn() {
		return "sign-in";
	}
}
