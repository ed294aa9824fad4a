package portal.notices.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.notices.NoticeBoard;
import portal.notices.NoticeDraft;
import portal.notices.NoticeRefusal;
import portal.notices.NoticeView;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.problems.Problems;

/**
 * Staff compose, schedule, edit and cancel notices. A planned maintenance
 * window needs {@code PORTAL_MAINTENANCE_NOTICE} of notice unless marked emergency.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_MAINTENANCE_PLANNER', 'STAFF_PUBLISHER')")
@Tag(name = "Console: notices", description = "Compose and schedule notices")
class ConsoleNoticesController {

	/**
	 * @param publishAt when it becomes visible; omitted for at once
	 * @param emergency a maintenance window announced with less than the usual notice
	 */
	record NoticeRequest(Kind kind, Audience audience, String titleEn, String bodyEn, String titleJa, String bodyJa,
			Instant publishAt, Instant eventStart, Instant eventEnd, Set<String> relevantServices, Boolean emergency) {

		NoticeDraft draft() {
			return new NoticeDraft(kind, audience, titleEn, bodyEn, titleJa, bodyJa, publishAt, eventStart, eventEnd,
					relevantServices, Boolean.TRUE.equals(emergency));
		}
	}

	private final NoticeBoard board;

	ConsoleNoticesController(NoticeBoard board) {
		this.board = board;
	}

	@GetMapping("/api/v1/console/notices")
	@Operation(summary = "The newest notices: published, scheduled and cancelled")
	List<NoticeView> recent() {
		return board.recent(100);
	}

	@PostMapping("/api/v1/console/notices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Compose a notice, published at once or scheduled")
	NoticeView compose(@RequestBody NoticeRequest body) {
		return board.compose(body.draft());
	}

	@PatchMapping("/api/v1/console/notices/{id}")
	@Operation(summary = "Change a notice before its publication (the whole content is given)")
	NoticeView edit(@PathVariable UUID id, @RequestBody NoticeRequest body) {
		return board.edit(id, body.draft());
	}

	@DeleteMapping("/api/v1/console/notices/{id}")
	@Operation(summary = "Cancel a notice before its publication")
	NoticeView cancel(@PathVariable UUID id) {
		return board.cancel(id);
	}

	@ExceptionHandler(NoticeRefusal.class)
	ProblemDetail refused(NoticeRefusal refusal) {
		ProblemDetail problem = Problems.of(refusal.status(), refusal.problemType(), refusal.getMessage());
		if (refusal.field() != null) {
			problem.setProperty("fields", Map.of(refusal.field(), refusal.getMessage()));
		}
		return problem;
	}
}
