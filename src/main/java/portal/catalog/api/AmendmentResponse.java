package portal.catalog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.catalog.Amendment;

/** One kept amendment: who, when, from which day, and the state before and after. */
record AmendmentResponse(long id, @Schema(example = "relevant-service") String subject, String key,
		@Schema(example = "retired") String change, LocalDate effectiveDate, String amendedBy, Instant amendedAt,
		Map<String, Object> before, Map<String, Object> after) {

	static AmendmentResponse of(Amendment amendment) {
		return new AmendmentResponse(amendment.id(), amendment.subject().code(), amendment.key(),
				amendment.change().code(), amendment.effectiveDate(), amendment.amendedBy(), amendment.amendedAt(),
				amendment.before(), amendment.after());
	}
}
