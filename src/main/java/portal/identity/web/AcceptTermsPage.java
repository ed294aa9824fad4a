package portal.identity.web;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.beans.factory.annotation.Value;
import portal.identity.PortalUser;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.Acceptance;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.SafeMarkdown;
import portal.terms.Terms;
import portal.terms.TermsRefusal;

/**
 * Where a user accepts a new version of the Terms of Personal Information Protection before
 * anything else, and downloads a receipt of each acceptance.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class AcceptTermsPage {

	private final Terms terms;

	private final Documents documents;

	private final SafeMarkdown markdown;

	private final String baseUrl;

	AcceptTermsPage(Terms terms, Documents documents, SafeMarkdown markdown,
			@Value("${portal.base-url}") String baseUrl) {
		this.terms = terms;
		this.documents = documents;
		this.markdown = markdown;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/app/accept-terms")
	String show(@AuthenticationPrincipal PortalUser user, Model model, Locale locale) {
		return terms.pendingAcceptance(user.accountId()).map(pending -> page(pending, model, locale, false))
			.orElse("redirect:/app");
	}

	@PostMapping("/app/accept-terms")
	String accept(@AuthenticationPrincipal PortalUser user, @RequestParam String kind, @RequestParam int version,
			@RequestParam(defaultValue = "false") boolean accept, Model model, Locale locale) {
		DocumentVersion pending = terms.pendingAcceptance(user.accountId()).orElse(null);
		if (pending == null) {
			return "redirect:/app";
		}
		if (!accept || !pending.kind().equals(kind) || pending.version() != version) {
			return page(pending, model, locale, true);
		}
		try {
			terms.accept(user.customerId(), user.accountId(), kind, version);
		}
		catch (TermsRefusal refusal) {
			return page(pending, model, locale, true);
		}
		return "redirect:/app?accepted";
	}

	@GetMapping("/app/consents/{id}/receipt")
	ResponseEntity<String> receipt(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		Acceptance acceptance = terms.acceptances(user.accountId()).stream().filter(a -> a.id() == id).findFirst()
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		String title = documents.type(acceptance.kind()).map(type -> type.titleEn()).orElse(acceptance.kind());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"acceptance-" + id + ".txt\"")
			.body(acceptance.receipt(user.loginId(), title, baseUrl));
	}

	private String page(DocumentVersion pending, Model model, Locale locale, boolean error) {
		model.addAttribute("document", pending);
		model.addAttribute("translated", pending.isTranslation(locale));
		model.addAttribute("html", markdown.html(pending.body(locale)));
		model.addAttribute("error", error);
		return "identity/accept-terms";
	}
}
