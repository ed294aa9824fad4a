package portal.terms;

import java.time.Instant;
import java.util.UUID;

/**
 * One account's acceptance of one version: who, which version, when, by whom, and
 * the SHA-256 of the exact English text accepted, which anyone can check against the
 * published version.
 */
public record Acceptance(long id, UUID accountId, String kind, int version, Instant acceptedAt, String actor,
		String sha256) {

	/** A plain-text receipt a person can keep and anyone can verify. */
	public String receipt(String loginId, String documentTitle, String baseUrl) {
		return """
				Acceptance receipt
				==================
				Login ID:       %s
				Document:       %s (%s)
				Version:        %d
				Accepted at:    %s
				Recorded by:    %s
				SHA-256 of the English text accepted:
				%s

				To check: fetch %s/api/v1/documents/%s/versions/%d, take its "body" field,
				and compute the SHA-256 of its UTF-8 bytes; it must equal the value above.
				""".formatted(loginId, documentTitle, kind, version, acceptedAt, actor, sha256, baseUrl, kind, version);
	}
}
