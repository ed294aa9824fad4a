package portal.terms;

import java.time.Instant;

/**
 * What a publisher submits to publish a version (or saves as a draft): Markdown bodies, the
 * summary of changes, and when it takes effect (null for at once).
 */
public record NewVersion(String titleEn, String bodyEn, String titleJa, String bodyJa, String summaryEn,
		String summaryJa, Instant effectiveFrom) {

	static final int MAX_BODY = 200_000;

	/** Refuses what cannot be published, naming the field; a time in the past is refused. */
	void check(Instant now) {
		require(hasText(titleEn), "titleEn", "The English title is empty.");
		require(titleEn.length() <= 300, "titleEn", "The English title is longer than 300 characters.");
		require(hasText(bodyEn), "bodyEn", "The English body is empty.");
		require(bodyEn.length() <= MAX_BODY, "bodyEn", "The English body is too long.");
		require(hasText(summaryEn), "summaryEn", "The summary of changes is empty.");
		require(hasText(titleJa) == hasText(bodyJa), hasText(titleJa) ? "bodyJa" : "titleJa",
				"A Japanese translation needs both a title and a body.");
		require(bodyJa == null || bodyJa.length() <= MAX_BODY, "bodyJa", "The Japanese body is too long.");
		require(effectiveFrom == null || !effectiveFrom.isBefore(now.minusSeconds(60)), "effectiveFrom",
				"The effective date is in the past.");
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean condition, String field, String message) {
		if (!condition) {
			throw TermsRefusal.invalid(field, message);
		}
	}
}
