package portal.catalog.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Lists a new affiliate customers may contract relevant services with. */
record AddAffiliateRequest(
		@Schema(example = "NTT-EUROPE") @NotBlank @Size(max = 32)
		@Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)*", message = "must be upper-case words joined by '-'") String code,
		@Schema(example = "NTT Europe Ltd.") @NotBlank @Size(max = 200) String name,
		@Schema(description = "ISO 3166-1 alpha-2", example = "GB") @NotBlank
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as JP") String country,
		@Schema(description = "the first day it is offered; today or later") @NotNull LocalDate offeredFrom) {
}
