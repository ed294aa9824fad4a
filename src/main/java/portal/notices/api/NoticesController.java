package portal.notices.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.notices.Inbox;
import portal.notices.InboxEntry;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;

/** The signed-in person's notices and their read state. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Notices", description = "Your notices: amendments, maintenance, suspensions, orders")
class NoticesController {

	record Notices(int unread, List<InboxEntry> items) {
	}

	private final Inbox inbox;

	private final Tenancy tenancy;

	NoticesController(Inbox inbox, Tenancy tenancy) {
		this.inbox = inbox;
		this.tenancy = tenancy;
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "Your published notices, newest first, in your language where translated")
	Notices notices(@Parameter(description = "only unread ones") @RequestParam(defaultValue = "false") boolean unread,
			@Parameter(description = "only one kind") @RequestParam(required = false) Kind kind,
			@RequestParam(defaultValue = "50") int limit, Locale locale) {
		String me = tenancy.actor().id();
		return new Notices(inbox.unreadCount(me), inbox.entries(me, unread, kind, locale, limit));
	}

	@PostMapping("/api/v1/notices/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark one of your notices read")
	void read(@PathVariable UUID id) {
		inbox.markRead(tenancy.actor().id(), id);
	}
}
