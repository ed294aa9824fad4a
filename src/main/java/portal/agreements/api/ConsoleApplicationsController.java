package portal.agreements.api;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.agreements.AgreementRefusal;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationState;
import portal.agreements.desk.RejectionReason;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The desk's queue and decisions; staff with the desk role. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@RequestMapping("/api/v1/console/applications")
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
@Tag(name = "Console: applications", description = "Decide portal applications in the order received")
class ConsoleApplicationsController {

	/** A rejection: a reason of Art. 5 ({@code art-5-1} … {@code art-5-5}) and a note. */
	record Rejection(String reason, String note) {
	}

	private final ApplicationDesk desk;

	ConsoleApplicationsController(ApplicationDesk desk) {
		this.desk = desk;
	}

	@GetMapping
	@Operation(summary = "The queue in receipt order; state received, accepted or rejected")
	List<ApplicationResource> queue(@RequestParam(defaultValue = "") String state) {
		Optional<ApplicationState> wanted = state.isBlank() ? Optional.empty()
				: Optional.of(ApplicationState.of(state).orElseThrow(() -> AgreementRefusal.invalid("state", "state",
						"use received, accepted or rejected.")));
		return desk.queue(wanted, 200).stream().map(ApplicationResource::of).toList();
	}

	@GetMapping("/{receiptNo}")
	@Operation(summary = "One application with the check of Art. 5 (1) and its evidence")
	ApplicationResource application(@PathVariable long receiptNo) {
		return desk.application(receiptNo).map(ApplicationResource::of)
			.orElseThrow(() -> AgreementRefusal.notFound("application"));
	}

	@PostMapping("/{receiptNo}/acceptance")
	@Operation(summary = "Accept the oldest undecided application: customer, agreement and first administrator")
	ApplicationResource accept(@PathVariable long receiptNo) {
		return ApplicationResource.of(desk.accept(receiptNo));
	}

	@PostMapping("/{receiptNo}/rejection")
	@Operation(summary = "Reject an application with a reason of Art. 5 (1)–(5) and a note")
	ApplicationResource reject(@PathVariable long receiptNo, @RequestBody Rejection rejection) {
		RejectionReason reason = RejectionReason.of(rejection.reason()).orElseThrow(() -> AgreementRefusal
			.invalid("reason", "reason", "choose one of art-5-1 … art-5-5."));
		return ApplicationResource.of(desk.reject(receiptNo, reason, rejection.note()));
	}
}
