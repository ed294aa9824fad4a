package portal.agreements.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import portal.agreements.AgreementRefusal;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.identity.PortalUser;
import portal.identity.PresenceConfirmation;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The customer's own Portal Agreement, and its written termination request. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@PreAuthorize("hasRole('CUSTOMER')")
@Tag(name = "Agreement", description = "Your Portal Agreement: state, suspensions, timeline, termination request")
class AgreementController {

	/** A termination request: the date it takes effect, confirmed with the password and a fresh one-time code. */
	record TerminationRequest(LocalDate effectiveDate, String currentPassword, String code) {
	}

	private final AgreementLifecycle lifecycle;

	private final PresenceConfirmation presence;

	AgreementController(AgreementLifecycle lifecycle, PresenceConfirmation presence) {
		this.lifecycle = lifecycle;
		this.presence = presence;
	}

	@GetMapping("/api/v1/agreement")
	@Operation(summary = "Your Portal Agreement: its state, the suspensions that concern it and its timeline")
	AgreementResource agreement(@AuthenticationPrincipal PortalUser user) {
		return lifecycle.view(user.customerId()).map(AgreementResource::of)
			.orElseThrow(() -> AgreementRefusal.notFound("Portal Agreement"));
	}

	@PostMapping("/api/v1/agreement/termination-request")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	@Operation(summary = "Request termination on a date not in the past; confirm with your password and a one-time code")
	AgreementResource requestTermination(@AuthenticationPrincipal PortalUser user,
			@RequestBody TerminationRequest request) {
		if (request.effectiveDate() == null) {
			throw AgreementRefusal.invalid("effectiveDate", "required", "give the date the termination takes effect.");
		}
		presence.confirm(user, request.currentPassword(), request.code());
		return AgreementResource.of(lifecycle.requestTermination(user.customerId(), request.effectiveDate()));
	}

	@DeleteMapping("/api/v1/agreement/termination-request")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	@Operation(summary = "Withdraw your termination request before it takes effect")
	AgreementResource withdraw(@AuthenticationPrincipal PortalUser user) {
		return AgreementResource.of(lifecycle.withdrawTerminationRequest(user.customerId()));
	}
}
