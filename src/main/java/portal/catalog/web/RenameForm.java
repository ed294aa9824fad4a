package portal.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The console's rename form: the new name, effective today. */
record RenameForm(@NotBlank @Size(max = 200) String name) {
}
