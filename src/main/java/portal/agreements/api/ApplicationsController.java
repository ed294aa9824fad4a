package portal.agreements.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	@GetMapping("/api/v1/applications/{receiptNo}")
	@Operation(summary = "The state of an application, for the holder of its token")
	ApplicationStatus status(@PathVariable long receiptNo, @RequestParam(defaultValue = "") String token) {
		return desk.status(receiptNo, token).orElseThrow(() -> AgreementRefusal.notFound("application"));
	}
}
