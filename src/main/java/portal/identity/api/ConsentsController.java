package portal.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.PortalUser;
import portal.identity.ActiveUsers;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.Acceptance;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.Terms;
import portal.terms.TermsRefusal;

/** Acceptances of documents: one's own with receipts, and for staff who has not accepted a version. */
@RestController
@Tag(name = "Consents", description = "Acceptances of the Terms of Personal Information Protection")
class ConsentsController {

	/** @param receipt where to download the receipt */
	record Consent(long id, String document, int version, Instant acceptedAt, String sha256, String receipt) {
	}

	record NotAccepted(UUID accountId, String loginId, UUID customerId) {
	}

	/** @param notAcceptedBy one page of those who have not accepted, by customer and login ID */
	record VersionConsents(String document, int version, int accepted, int notAccepted, int page, int size,
			List<NotAccepted> notAcceptedBy) {
	}

	private final Terms terms;

	private final Documents documents;

	private final ActiveUsers directory;

	ConsentsController(Terms terms, Documents documents, ActiveUsers directory) {
		this.terms = terms;
		this.documents = documents;
		this.directory = directory;
	}

	@GetMapping("/api/v1/me/consents")
	@Feature(PortalFeature.ESSENTIAL)
	@Operation(summary = "Your acceptances of document versions, each with the SHA-256 of the text accepted")
	List<Consent> mine(@AuthenticationPrincipal PortalUser user) {
		return terms.acceptances(user.accountId()).stream().map(ConsentsController::consent).toList();
	}

	@GetMapping("/api/v1/console/documents/{key}/consents")
	@Feature(PortalFeature.OPERATIONS)
	@PreAuthorize("hasAnyRole('STAFF_PUBLISHER', 'STAFF_DESK', 'STAFF_ADMIN', 'STAFF_AUDITOR')")
	@Operation(summary = "How many active users accepted a version (the one in force by default), and a page of who has not")
	VersionConsents consents(@PathVariable String key, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		documents.requireType(key);
		int chosen = version != null ? version
				: documents.inForce(key).map(DocumentVersion::version).orElseThrow(TermsRefusal::unknownDocument);
		documents.version(key, chosen).orElseThrow(() -> TermsRefusal.unknownVersion("version"));
		if (page < 0) {
			throw TermsRefusal.invalid("page", "The page is a number from 0.");
		}
		if (size < 1 || size > 500) {
			throw TermsRefusal.invalid("size", "The size is a number from 1 to 500.");
		}
		ActiveUsers.Outside outside = directory.outside(terms.acceptedBy(key, chosen), page, size);
		List<NotAccepted> missing = outside.users().stream()
			.map(user -> new NotAccepted(user.accountId(), user.loginId(), user.customerId()))
			.toList();
		return new VersionConsents(key, chosen, outside.inside(), outside.outside(), page, size, missing);
	}

	private static Consent consent(Acceptance acceptance) {
		return new Consent(acceptance.id(), acceptance.kind(), acceptance.version(), acceptance.acceptedAt(),
				acceptance.sha256(), "/app/consents/" + acceptance.id() + "/receipt");
	}
}
