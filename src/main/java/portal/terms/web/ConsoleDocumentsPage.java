package portal.terms.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Times;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.NewVersion;
import portal.terms.SafeMarkdown;
import portal.terms.TermsRefusal;

/**
 * The publisher's desk: write a draft in Markdown, preview it as readers will see
 * it, and publish it with an effective date and a summary of changes.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasRole('STAFF_PUBLISHER')")
class ConsoleDocumentsPage {

	/** The editor's fields; {@code effectiveAt} is a local date-time in {@code zone}, empty for at once. */
	record VersionForm(String titleEn, String bodyEn, String titleJa, String bodyJa, String summaryEn, String summaryJa,
			String effectiveAt, String zone, String action) {

		static VersionForm of(NewVersion version, String zone) {
			return new VersionForm(version.titleEn(), version.bodyEn(), version.titleJa(), version.bodyJa(),
					version.summaryEn(), version.summaryJa(), "", zone, null);
		}

		NewVersion toVersion() {
			return new NewVersion(titleEn, bodyEn, titleJa, bodyJa, summaryEn, summaryJa, effective());
		}

		private Instant effective() {
			if (effectiveAt == null || effectiveAt.isBlank()) {
				return null;
			}
			try {
				ZoneId zoneId = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
				return LocalDateTime.parse(effectiveAt).atZone(zoneId).toInstant();
			}
			catch (java.time.DateTimeException ex) {
				throw TermsRefusal.invalid("effectiveFrom", "The effective date is not a date and time.", "effective-unreadable");
			}
		}
	}

	private final Documents documents;

	private final SafeMarkdown markdown;

	private final Times times;

	private final MessageSource messages;

	ConsoleDocumentsPage(Documents documents, SafeMarkdown markdown, Times times, MessageSource messages) {
		this.times = times;
		this.messages = messages;
		this.documents = documents;
		this.markdown = markdown;
	}

	@GetMapping("/console/documents")
	String list(Model model) {
		model.addAttribute("types", documents.types());
		return "terms/console-documents";
	}

	@GetMapping("/console/documents/{key}")
	String editor(@PathVariable String key, Model model, Locale locale) {
		documents.requireType(key);
		// The effective time is typed in the publisher's own zone unless they name another.
		String zone = times.zoneId();
		VersionForm form = documents.draft(key).map(draft -> VersionForm.of(draft, zone))
			.orElseGet(() -> documents.versions(key).stream().findFirst()
				.map(v -> new VersionForm(v.titleEn(), v.bodyEn(), v.titleJa(), v.bodyJa(), "", "", "", zone, null))
				.orElse(new VersionForm("", "", "", "", "", "", "", zone, null)));
		return show(key, form, model, null, null);
	}

	@PostMapping("/console/documents/{key}")
	String submit(@PathVariable String key, @ModelAttribute VersionForm form, Model model, HttpServletRequest request) {
		documents.requireType(key);
		try {
			switch (form.action() == null ? "preview" : form.action()) {
				case "save" -> {
					documents.saveDraft(key, form.toVersion());
					return show(key, form, model, "terms.console.saved", null);
				}
				case "publish" -> {
					DocumentVersion published = documents.publish(key, form.toVersion());
					return "redirect:/portal-page/terms/" + key + "/versions/" + published.version();
				}
				default -> {
					model.addAttribute("preview", markdown.html(form.bodyEn()));
					model.addAttribute("previewJa", markdown.html(form.bodyJa()));
					return show(key, form, model, null, null);
				}
			}
		}
		catch (TermsRefusal refusal) {
			return show(key, form, model, null, refusal);
		}
	}

	private String show(String key, VersionForm form, Model model, String done, TermsRefusal refusal) {
		model.addAttribute("type", documents.requireType(key));
		model.addAttribute("form", form);
		model.addAttribute("done", done);
		model.addAttribute("errorField", refusal == null ? null : refusal.field());
		// In the publisher's language where the refusal has a key, else the English message.
		model.addAttribute("errorMessage", refusal == null ? null : messages.getMessage(refusal, LocaleContextHolder.getLocale()));
		model.addAttribute("latest", documents.versions(key).stream().findFirst().orElse(null));
		return "terms/console-document";
	}
}
