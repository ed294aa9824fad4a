package portal.catalog.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Lists a relevant service whose descriptor file {@code catalog/services/<key>.yml} exists. */
record AddServiceRequest(
		@Schema(example = "arcstar-universal-one") @NotBlank @Size(max = 64)
		@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String key,
		@Schema(example = "Arcstar Universal One") @NotBlank @Size(max = 200) String name,
		@Schema(description = "the first day it is offered; today or later") @NotNull LocalDate offeredFrom) {
}
