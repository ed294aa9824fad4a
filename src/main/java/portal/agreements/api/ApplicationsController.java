package portal.agreements.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.agreements.AgreementRefusal;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationStatus;
import portal.agreements.desk.Receipt;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Applying for the portal, open to anyone. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Applications", description = "Apply for the Portal Service and follow the application")
class ApplicationsController {

	private final ApplicationDesk desk;

	ApplicationsController(ApplicationDesk desk) {
		this.desk = desk;
	}

	@PostMapping("/api/v1/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply: returns the receipt number and a token that shows the application's state")
	Receipt apply(@RequestBody ApplicationRequest request) {
		return desk.submit(request.applicant());
	}

	/**
	 * The token is best sent in the {@code X-Application-Token} header, which stays out of
	 * logs and Referer headers (ASVS 14.2.1); the query parameter remains for the published
	 * contract. The answer is read-only state with no personal data.
	 */
	@GetMapping("/api/v1/applications/{receiptNo}")
	@Operation(summary = "The state of an application, for the holder of its token (send it in the X-Application-Token "
			+ "header; the token query parameter is kept for compatibility)")
	ApplicationStatus status(@PathVariable long receiptNo,
			@Parameter(description = "The application's token (preferred to the query parameter)")
			@RequestHeader(name = "X-Application-Token", required = false) String header,
			@Parameter(description = "The application's token, for clients that cannot send the header", deprecated = true)
			@RequestParam(required = false) String token) {
		String given = header != null && !header.isBlank() ? header : token == null ? "" : token;
		return desk.status(receiptNo, given).orElseThrow(() -> AgreementRefusal.notFound("application"));
	}
}
