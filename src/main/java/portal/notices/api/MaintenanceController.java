package portal.notices.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.notices.MaintenanceCalendar;
import portal.platform.ActorKind;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.problems.Problems;

/** The maintenance calendar as JSON and as an iCalendar feed calendar apps subscribe to. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Maintenance", description = "Planned maintenance windows announced to you")
class MaintenanceController {

	private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final MaintenanceCalendar calendar;

	private final Tenancy tenancy;

	MaintenanceController(MaintenanceCalendar calendar, Tenancy tenancy) {
		this.calendar = calendar;
		this.tenancy = tenancy;
	}

	@GetMapping("/api/v1/maintenance")
	@Operation(summary = "Your announced maintenance windows from a week ago on")
	List<MaintenanceCalendar.Window> windows(Locale locale) {
		return calendar.windows(tenancy.actor().id(), locale);
	}

	@GetMapping(value = "/api/v1/maintenance.ics", produces = "text/calendar")
	@Operation(summary = "Your maintenance windows as an RFC 5545 feed; signed in, or with your feed token for calendar apps")
	ResponseEntity<?> ics(@Parameter(description = "your calendar feed token") @RequestParam(required = false) String token,
			Locale locale) {
		if (token != null) {
			return calendar.feed(token, locale)
				.<ResponseEntity<?>>map(body -> ResponseEntity.ok().contentType(CALENDAR).body(body))
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(Problems.of(HttpStatus.NOT_FOUND, "unknown-feed-token", "No such calendar feed token.")));
		}
		if (tenancy.actor().kind() != ActorKind.USER && tenancy.actor().kind() != ActorKind.STAFF) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in, or give your feed token."));
		}
		return ResponseEntity.ok().contentType(CALENDAR).body(calendar.ics(tenancy.actor().id(), locale));
	}

	@PostMapping("/api/v1/maintenance/feed-token")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue (or replace) your calendar feed token; shown once")
	MaintenanceCalendar.FeedAddress issue() {
		return calendar.issueFeed(tenancy.actor().id(), tenancy.scope().customerId().orElse(null));
	}

	@DeleteMapping("/api/v1/maintenance/feed-token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke your calendar feed token")
	void revoke() {
		calendar.revokeFeedToken(tenancy.actor().id());
	}
}
