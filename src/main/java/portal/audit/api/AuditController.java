package portal.audit.api;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.audit.AuditPage;
import portal.audit.AuditQuery;
import portal.audit.AuditTrail;
import portal.audit.ChainVerification;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The trail over JSON: customers read their own, staff read all and verify the chains. */
@RestController
@Feature(PortalFeature.USER_ADMINISTRATION)
@Tag(name = "Audit", description = "The append-only trail of every change")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	@Operation(summary = "The signed-in customer's own trail, newest first")
	AuditPage customerTrail(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return trail.find(new AuditQuery(actor, action, null, from, to, page, size));
	}

	@GetMapping("/api/v1/console/audit")
	@Feature(PortalFeature.OPERATIONS)
	@PreAuthorize("hasAnyRole('STAFF_AUDITOR', 'STAFF_ADMIN')")
	@Operation(summary = "The whole trail within the staff member's scope, newest first")
	AuditPage staffTrail(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) UUID customer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return trail.find(new AuditQuery(actor, action, customer, from, to, page, size));
	}

	@GetMapping("/api/v1/console/audit/verification")
	@Feature(PortalFeature.OPERATIONS)
	@PreAuthorize("hasAnyRole('STAFF_AUDITOR', 'STAFF_ADMIN')")
	@Operation(summary = "Re-computes every hash chain and names the first broken link of each")
	ChainVerification verification() {
		return trail.verify();
	}
}
