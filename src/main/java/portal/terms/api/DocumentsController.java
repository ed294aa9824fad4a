package portal.terms.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.DocumentDiff;
import portal.terms.DocumentType;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.SafeMarkdown;
import portal.terms.TermsRefusal;

/** The published documents, their versions and differences; public, no sign-in. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Documents", description = "Terms, the Terms of Personal Information Protection, service specifications")
class DocumentsController {

	record DocumentResource(String key, String title, String relevantService, boolean needsAcceptance,
			Integer versionInForce, List<Integer> upcomingVersions) {
	}

	/**
	 * @param translation whether title and body are a translation (English is authentic)
	 * @param html the body rendered and sanitized
	 */
	record VersionResource(String key, int version, String language, boolean translation, String title, String body,
			String html, String summary, Instant effectiveFrom, Instant publishedAt, String sha256) {
	}

	private final Documents documents;

	private final SafeMarkdown markdown;

	DocumentsController(Documents documents, SafeMarkdown markdown) {
		this.documents = documents;
		this.markdown = markdown;
	}

	@GetMapping("/api/v1/documents")
	@Operation(summary = "The documents and the version of each in force")
	List<DocumentResource> documents(Locale locale) {
		return documents.types().stream().map(type -> resource(type, locale)).toList();
	}

	@GetMapping("/api/v1/documents/{key}/versions")
	@Operation(summary = "Every published version of a document, newest first, including those taking effect later")
	List<VersionResource> versions(@PathVariable String key, @Parameter(description = "en or ja") @RequestParam(required = false) String lang) {
		documents.requireType(key);
		Locale locale = language(lang);
		return documents.versions(key).stream().map(version -> resource(version, locale, false)).toList();
	}

	@GetMapping("/api/v1/documents/{key}/versions/{version}")
	@Operation(summary = "One version with its text; ?lang=ja for the Japanese translation where there is one")
	VersionResource version(@PathVariable String key, @PathVariable int version,
			@Parameter(description = "en or ja") @RequestParam(required = false) String lang) {
		documents.requireType(key);
		return resource(documents.version(key, version).orElseThrow(() -> TermsRefusal.unknownVersion("version")), language(lang), true);
	}

	@GetMapping("/api/v1/documents/{key}/diff")
	@Operation(summary = "What changed between two versions: paragraphs, and words within changed paragraphs")
	DocumentDiff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
		return documents.diff(key, from, to);
	}

	@ExceptionHandler(TermsRefusal.class)
	ProblemDetail refused(TermsRefusal refusal) {
		return TermsProblems.of(refusal);
	}

	private DocumentResource resource(DocumentType type, Locale locale) {
		return new DocumentResource(type.key(), type.title(locale), type.relevantService(), type.needsAcceptance(),
				documents.inForce(type.key()).map(DocumentVersion::version).orElse(null),
				documents.upcoming(type.key()).stream().map(DocumentVersion::version).toList());
	}

	private VersionResource resource(DocumentVersion version, Locale locale, boolean withText) {
		return new VersionResource(version.kind(), version.version(), version.language(locale),
				version.isTranslation(locale), version.title(locale), withText ? version.body(locale) : null,
				withText ? markdown.html(version.body(locale)) : null, version.summary(locale), version.effectiveFrom(),
				version.publishedAt(), version.sha256());
	}

	private static Locale language(String lang) {
		if (lang == null || lang.isBlank() || "en".equals(lang)) {
			return Locale.ENGLISH;
		}
		if ("ja".equals(lang)) {
			return Locale.JAPANESE;
		}
		throw new IllegalArgumentException("lang must be en or ja.");
	}
}
