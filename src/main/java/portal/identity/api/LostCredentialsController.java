package portal.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Anyone may report login information lost or stolen; the answer never tells whether it matched. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Lost credentials", description = "Report lost or stolen login information")
class LostCredentialsController {

	private final LostCredentials lost;

	LostCredentialsController(LostCredentials lost) {
		this.lost = lost;
	}

	@PostMapping("/api/v1/public/lost-credentials")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report by login ID and email; always answers 202")
	void report(@Valid @RequestBody IdentityRequests.LostCredentialsRequest body) {
		lost.reportAnonymously(body.loginId(), body.email());
	}
}
