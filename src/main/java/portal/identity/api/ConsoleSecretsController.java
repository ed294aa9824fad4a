package portal.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.credentials.SecretsResealing;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Resealing stored second-factor secrets under the current secrets key, for staff administrators. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "Console: secrets", description = "Secrets at rest, for staff administrators")
class ConsoleSecretsController {

	/** How many secrets were sealed again under the current key. */
	record Resealed(int resealed) {
	}

	private final SecretsResealing resealing;

	ConsoleSecretsController(SecretsResealing resealing) {
		this.resealing = resealing;
	}

	@PostMapping("/api/v1/console/secrets/reseal")
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	@Operation(summary = "Seal every stored TOTP secret under the current key, so that the previous key can be retired")
	Resealed reseal() {
		return new Resealed(resealing.resealAll());
	}
}
