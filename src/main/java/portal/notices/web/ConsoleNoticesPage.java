package portal.notices.web;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import portal.notices.NoticeBoard;
import portal.notices.NoticeRefusal;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's notices: the newest ones with their state, the maintenance calendar of the
 * coming weeks (announced or still scheduled), and cancelling a notice before publication.
 * Composing and editing go through the console API.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_MAINTENANCE_PLANNER', 'STAFF_PUBLISHER')")
class ConsoleNoticesPage {

	private final NoticeBoard board;

	private final Clock clock;

	ConsoleNoticesPage(NoticeBoard board, Clock clock) {
		this.board = board;
		this.clock = clock;
	}

	@GetMapping("/console/notices")
	String notices(Model model) {
		Instant now = clock.instant();
		model.addAttribute("notices", board.recent(100));
		model.addAttribute("calendar", board.maintenance(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(90)), true));
		model.addAttribute("minimumNotice", board.maintenanceNotice().toDays());
		return "notices/console-notices";
	}

	@PostMapping("/console/notices/{id}/cancel")
	String cancel(@PathVariable UUID id, Model model) {
		try {
			board.cancel(id);
			return "redirect:/console/notices?cancelled";
		}
		catch (NoticeRefusal refusal) {
			return "redirect:/console/notices?not-cancelled";
		}
	}
}
