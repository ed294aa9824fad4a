package portal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.notices.EmailOutbox;
import portal.platform.web.Htmx;
import portal.identity.administration.StaffDirectory;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's identity pages: every account in the staff member's scope, the desk's
 * queue of lost or stolen login information, open reports first, and the email
 * outbox, which is where mails wait, and can be read, when no mail server is set up.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
class ConsoleIdentityPages {

	private static final int SEARCH_LIMIT = 100;

	private static final int OUTBOX_SIZE = 100;

	private final StaffDirectory directory;

	private final LostCredentials lost;

	private final EmailOutbox outbox;

	ConsoleIdentityPages(StaffDirectory directory, LostCredentials lost, EmailOutbox outbox) {
		this.directory = directory;
		this.lost = lost;
		this.outbox = outbox;
	}

	@GetMapping("/console/users")
	String users(@RequestParam(defaultValue = "") String q, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", directory.search(q, SEARCH_LIMIT));
		model.addAttribute("limit", SEARCH_LIMIT);
		return Htmx.view(request, response, "identity/console-users", "results");
	}

	@GetMapping("/console/lost-credentials")
	@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
	String lostCredentials(Model model) {
		var reports = lost.open();
		model.addAttribute("reports", reports);
		model.addAttribute("openCount", reports.stream().filter(report -> report.handledAt() == null).count());
		return "identity/console-lost-credentials";
	}

	// Mails carry activation links, which open accounts: only staff administrators read them.
	@GetMapping("/console/outbox")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	String outbox(Model model) {
		model.addAttribute("mails", outbox.recent(OUTBOX_SIZE));
		return "identity/console-outbox";
	}
}
