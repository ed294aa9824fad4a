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
		require(hasText(titleEn), "titleEn", "The English title is empty.", "title-en-empty");
		require(titleEn.length() <= 300, "titleEn", "The English title is longer than 300 characters.", "title-en-long");
		require(hasText(bodyEn), "bodyEn", "The English body is empty.", "body-en-empty");
		require(bodyEn.length() <= MAX_BODY, "bodyEn", "The English body is too long.", "body-long");
		require(hasText(summaryEn), "summaryEn", "The summary of changes is empty.", "summary-empty");
		require(hasText(titleJa) == hasText(bodyJa), hasText(titleJa) ? "bodyJa" : "titleJa",
				"A Japanese translation needs both a title and a body.", "ja-incomplete");
		require(bodyJa == null || bodyJa.length() <= MAX_BODY, "bodyJa", "The Japanese body is too long.", "body-long");
		require(effectiveFrom == null || !effectiveFrom.isBefore(now.minusSeconds(60)), "effectiveFrom",
				"The effective date is in the past.", "effective-past");
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean condition, String field, String message, String key) {
		if (!condition) {
			throw TermsRefusal.invalid(field, message, key);
		}
	}
}
