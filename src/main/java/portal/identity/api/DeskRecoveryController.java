package portal.identity.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.lostcredentials.DeskRecovery;
import portal.identity.lostcredentials.LostCredentials;
import portal.identity.lostcredentials.LostReport;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The desk's recovery of lost or stolen login information: the reports, the
 * out-of-band verification, a fresh activation for the locked account, and closing.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
@Tag(name = "Console: lost credentials", description = "The desk restores access after a lost or stolen report")
class DeskRecoveryController {

	/** How the desk verified the person out of band, e.g. "called back on the number on file". */
	record VerificationRequest(String verification) {
	}

	private final LostCredentials lost;

	private final DeskRecovery desk;

	DeskRecoveryController(LostCredentials lost, DeskRecovery desk) {
		this.lost = lost;
		this.desk = desk;
	}

	@GetMapping("/api/v1/console/lost-credentials")
	@Operation(summary = "Reports of lost or stolen login information in your scope, open ones first")
	List<LostReport> reports() {
		return lost.open();
	}

	@GetMapping("/api/v1/console/lost-credentials/{id}")
	@Operation(summary = "One report")
	LostReport report(@PathVariable UUID id) {
		return desk.report(id);
	}

	@PostMapping("/api/v1/console/lost-credentials/{id}/verification")
	@Operation(summary = "Record how the person was verified out of band; audited")
	LostReport verify(@PathVariable UUID id, @RequestBody VerificationRequest body) {
		return desk.verify(id, body == null ? null : body.verification());
	}

	@PostMapping("/api/v1/console/lost-credentials/{id}/restoration")
	@Operation(summary = "Issue a fresh activation to the locked account and close its reports; needs a verification")
	LostReport restore(@PathVariable UUID id) {
		return desk.restore(id);
	}

	@PostMapping("/api/v1/console/lost-credentials/{id}/closure")
	@Operation(summary = "Close the report without restoring access; audited")
	LostReport close(@PathVariable UUID id) {
		return desk.close(id);
	}
}
