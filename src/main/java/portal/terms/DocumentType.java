package portal.terms;

import java.util.Locale;
import java.util.Optional;

/**
 * A document the Company publishes in versions: the portal terms, the Terms of Personal
 * Information Protection (whose new versions every user accepts, R-7.3), a service
 * specification of one relevant service, or other service conditions.
 */
public record DocumentType(String key, String titleEn, String titleJa, String relevantService,
		boolean needsAcceptance) {

	public String title(Locale locale) {
		return locale != null && "ja".equals(locale.getLanguage()) && titleJa != null ? titleJa : titleEn;
	}

	public Optional<String> service() {
		return Optional.ofNullable(relevantService);
	}
}
