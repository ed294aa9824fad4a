package portal.terms.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.NewVersion;
import portal.terms.TermsRefusal;

/** Publishing document versions, for staff with the publisher role. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasRole('STAFF_PUBLISHER')")
@Tag(name = "Console: documents", description = "Publish versions of documents")
class ConsoleDocumentsController {

	/**
	 * @param effectiveFrom when the version takes effect; omitted for at once, never in the past
	 */
	record PublishRequest(String titleEn, String bodyEn, String titleJa, String bodyJa, String summaryEn,
			String summaryJa, Instant effectiveFrom) {
	}

	record Published(String key, int version, Instant effectiveFrom, String sha256) {
	}

	private final Documents documents;

	ConsoleDocumentsController(Documents documents) {
		this.documents = documents;
	}

	@PostMapping("/api/v1/console/documents/{key}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a new version (Markdown; immutable once published) and notify affected customers")
	Published publish(@PathVariable String key, @RequestBody PublishRequest body) {
		DocumentVersion version = documents.publish(key, new NewVersion(body.titleEn(), body.bodyEn(), body.titleJa(),
				body.bodyJa(), body.summaryEn(), body.summaryJa(), body.effectiveFrom()));
		return new Published(version.kind(), version.version(), version.effectiveFrom(), version.sha256());
	}

	@ExceptionHandler(TermsRefusal.class)
	ProblemDetail refused(TermsRefusal refusal) {
		return TermsProblems.of(refusal);
	}
}
