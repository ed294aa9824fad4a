package portal.agreements.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.agreements.AgreementRefusal;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationState;
import portal.agreements.desk.RejectionReason;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The desk's pages: the queue in receipt order and one application with its check and decisions. */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
class DeskPage {

	private final ApplicationDesk desk;

	DeskPage(ApplicationDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/console/applications")
	String queue(@RequestParam(defaultValue = "received") String state, Model model) {
		Optional<ApplicationState> wanted = ApplicationState.of(state);
		model.addAttribute("state", wanted.map(ApplicationState::code).orElse("all"));
		model.addAttribute("entries", desk.queue(wanted, 200));
		return "agreements/desk";
	}

	@GetMapping("/console/applications/{receiptNo}")
	String application(@PathVariable long receiptNo, Model model) {
		return show(receiptNo, model, Map.of());
	}

	// Acceptance concludes an agreement and cannot be undone: the first press asks to confirm.
	@PostMapping("/console/applications/{receiptNo}/acceptance")
	String accept(@PathVariable long receiptNo, @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
		if (!confirmed) {
			model.addAttribute("confirmAccept", true);
			return show(receiptNo, model, Map.of());
		}
		try {
			desk.accept(receiptNo);
			return "redirect:/console/applications/" + receiptNo + "?decided";
		}
		catch (AgreementRefusal refusal) {
			return show(receiptNo, model, Map.of("accept", refusal));
		}
	}

	@PostMapping("/console/applications/{receiptNo}/rejection")
	String reject(@PathVariable long receiptNo, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String note, Model model) {
		try {
			desk.reject(receiptNo, RejectionReason.of(reason).orElse(null), note);
			return "redirect:/console/applications/" + receiptNo + "?decided";
		}
		catch (AgreementRefusal refusal) {
			return show(receiptNo, model, Map.of("reject", refusal));
		}
	}

	private String show(long receiptNo, Model model, Map<String, AgreementRefusal> refusals) {
		model.addAttribute("entry", desk.application(receiptNo)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("oldest", desk.oldestUndecided().stream().boxed().findFirst().orElse(null));
		model.addAttribute("reasons", RejectionReason.values());
		model.addAttribute("refusals", refusals);
		return "agreements/desk-application";
	}
}
