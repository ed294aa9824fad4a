package portal.notices.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.notices.MaintenanceCalendar;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;

/**
 * A customer's user's maintenance calendar: the planned windows announced
 * to them, upcoming and recent, with the services each affects, and their personal iCalendar
 * feed: its address is created on request and shown once, and revoked after a confirmation.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class MaintenancePage {

	private final MaintenanceCalendar calendar;

	private final Tenancy tenancy;

	MaintenancePage(MaintenanceCalendar calendar, Tenancy tenancy) {
		this.calendar = calendar;
		this.tenancy = tenancy;
	}

	@GetMapping("/app/maintenance")
	String calendar(@RequestParam(defaultValue = "false") boolean revoke, Model model, Locale locale) {
		model.addAttribute("confirmRevoke", revoke);
		return show(model, locale);
	}

	@PostMapping("/app/maintenance/feed")
	String issue(Model model, Locale locale) {
		model.addAttribute("feed",
				calendar.issueFeed(tenancy.actor().id(), tenancy.scope().customerId().orElse(null)));
		return show(model, locale);
	}

	@PostMapping("/app/maintenance/feed/revoke")
	String revoke() {
		calendar.revokeFeedToken(tenancy.actor().id());
		return "redirect:/app/maintenance?revoked";
	}

	private String show(Model model, Locale locale) {
		model.addAttribute("confirmRevoke", Boolean.TRUE.equals(model.getAttribute("confirmRevoke")));
		model.addAttribute("overview", calendar.overview(tenancy.actor().id(), locale));
		return "notices/maintenance";
	}
}
