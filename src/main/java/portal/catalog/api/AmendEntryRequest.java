package portal.catalog.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Renames a catalog entry (from today on), retires it from a date, or both at once. A field
 * left out is left unchanged; at least one must be given.
 */
record AmendEntryRequest(
		@Schema(description = "the new name, effective today") @Size(max = 200)
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Schema(description = "stop offering it from a date") @Valid Retirement retire) {

	/** Retirement: the entry is no longer offered from the effective date, and kept. */
	record Retirement(@Schema(description = "today or later") @NotNull LocalDate effectiveDate) {
	}

	@Schema(hidden = true)
	@AssertTrue(message = "give a name, a retirement, or both")
	boolean isAmending() {
		return name != null || retire != null;
	}
}
