package portal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.platform.web.Htmx;
import portal.identity.administration.StaffDirectory;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's directory of accounts: every account in the staff member's scope, searched
 * by login ID, name or address. The desk's reports are {@link DeskRecoveryPage}.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
class ConsoleIdentityPages {

	private static final int SEARCH_LIMIT = 100;

	private final StaffDirectory directory;

	ConsoleIdentityPages(StaffDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/console/users")
	String users(@RequestParam(defaultValue = "") String q, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", directory.search(q, SEARCH_LIMIT));
		model.addAttribute("limit", SEARCH_LIMIT);
		return Htmx.view(request, response, "identity/console-users", "results");
	}
}
