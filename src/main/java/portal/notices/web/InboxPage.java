package portal.notices.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.notices.Inbox;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.web.Htmx;

/** The inbox of notices, for customers' users under /app and staff under /console. */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class InboxPage {

	private final Inbox inbox;

	private final Tenancy tenancy;

	InboxPage(Inbox inbox, Tenancy tenancy) {
		this.inbox = inbox;
		this.tenancy = tenancy;
	}

	@GetMapping({ "/app/notices", "/console/inbox" })
	String inbox(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "false") boolean unread,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		Kind chosen = parse(kind);
		String me = tenancy.actor().id();
		model.addAttribute("area", area(request));
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("kind", chosen == null ? "" : chosen.name());
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("entries", inbox.entries(me, unread, chosen, locale, 100));
		return Htmx.view(request, response, "notices/inbox", "results");
	}

	@GetMapping({ "/app/notices/{id}", "/console/inbox/{id}" })
	String notice(@PathVariable UUID id, Model model, Locale locale, HttpServletRequest request) {
		model.addAttribute("area", area(request));
		model.addAttribute("entry", inbox.open(tenancy.actor().id(), id, locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "notices/notice";
	}

	@PostMapping({ "/app/notices/{id}/read", "/console/inbox/{id}/read" })
	String read(@PathVariable UUID id, HttpServletRequest request) {
		inbox.markRead(tenancy.actor().id(), id);
		return "redirect:" + ("console".equals(area(request)) ? "/console/inbox" : "/app/notices");
	}

	private static String area(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/console") ? "console" : "app";
	}

	private static Kind parse(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return Kind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
