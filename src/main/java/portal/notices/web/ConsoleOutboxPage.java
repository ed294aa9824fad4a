package portal.notices.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import portal.notices.EmailOutbox;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's email outbox: the newest mails with their delivery state and body. Without
 * a mail server configured, this is where mails wait and can be read.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
class ConsoleOutboxPage {

	private static final int OUTBOX_SIZE = 100;

	private final EmailOutbox outbox;

	ConsoleOutboxPage(EmailOutbox outbox) {
		this.outbox = outbox;
	}

	// Mails carry activation links, which open accounts: only staff administrators read them.
	@GetMapping("/console/outbox")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	String outbox(Model model) {
		model.addAttribute("mails", outbox.recent(OUTBOX_SIZE));
		return "notices/console-outbox";
	}
}
