package portal.terms.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.DocumentType;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.SafeMarkdown;
import portal.terms.TermsRefusal;

/**
 * The public Portal Page's documents: each document's version in force, its
 * history, any version, and what changed between two versions. No sign-in needed.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class TermsPages {

	record Listed(DocumentType type, DocumentVersion inForce, List<DocumentVersion> upcoming) {
	}

	private final Documents documents;

	private final SafeMarkdown markdown;

	TermsPages(Documents documents, SafeMarkdown markdown) {
		this.documents = documents;
		this.markdown = markdown;
	}

	@GetMapping("/portal-page/terms")
	String documents(Model model) {
		model.addAttribute("documents", documents.types().stream()
			.map(type -> new Listed(type, documents.inForce(type.key()).orElse(null), documents.upcoming(type.key())))
			.toList());
		return "terms/documents";
	}

	@GetMapping("/portal-page/terms/{key}")
	String inForce(@PathVariable String key, Model model, Locale locale) {
		DocumentType type = type(key);
		DocumentVersion version = documents.inForce(key).or(() -> documents.upcoming(key).stream().findFirst())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return show(type, version, model, locale);
	}

	@GetMapping("/portal-page/terms/{key}/versions/{version}")
	String version(@PathVariable String key, @PathVariable int version, Model model, Locale locale) {
		DocumentType type = type(key);
		return show(type, documents.version(key, version)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), model, locale);
	}

	@GetMapping("/portal-page/terms/{key}/diff")
	String diff(@PathVariable String key, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model, Locale locale) {
		DocumentType type = type(key);
		List<DocumentVersion> versions = documents.versions(key);
		if (versions.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		int newest = versions.get(0).version();
		int chosenTo = to == null ? newest : to;
		int chosenFrom = from == null ? Math.max(1, chosenTo - 1) : from;
		model.addAttribute("type", type);
		model.addAttribute("versions", versions);
		model.addAttribute("from", chosenFrom);
		model.addAttribute("to", chosenTo);
		try {
			model.addAttribute("diff", documents.diff(key, chosenFrom, chosenTo));
		}
		catch (TermsRefusal refusal) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "terms/diff";
	}

	private String show(DocumentType type, DocumentVersion version, Model model, Locale locale) {
		model.addAttribute("type", type);
		model.addAttribute("version", version);
		model.addAttribute("html", markdown.html(version.body(locale)));
		model.addAttribute("translated", version.isTranslation(locale));
		model.addAttribute("inForce", documents.inForce(type.key()).map(DocumentVersion::version).orElse(-1));
		model.addAttribute("scheduled", documents.upcoming(type.key()).contains(version));
		model.addAttribute("versions", documents.versions(type.key()));
		return "terms/document";
	}

	private DocumentType type(String key) {
		return documents.type(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
