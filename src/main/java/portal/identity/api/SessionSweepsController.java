package portal.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.PortalUser;
import portal.identity.administration.SessionSweeps;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Administrators end every session at once (ASVS 7.4.5); who may is the service's rule, so a
 * caller without the right gets a 403 problem whatever the route.
 */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "Sessions", description = "Ending every session of a customer's users, or of everyone")
class SessionSweepsController {

	private final SessionSweeps sweeps;

	SessionSweepsController(SessionSweeps sweeps) {
		this.sweeps = sweeps;
	}

	/** How many sessions a sweep ended. */
	record Ended(int sessions) {
	}

	@DeleteMapping("/api/v1/users/sessions")
	@Feature(PortalFeature.USER_ADMINISTRATION)
	@Operation(summary = "End every session of your customer's other users (customer administrators)")
	@ApiResponse(responseCode = "403", description = "You are not your customer's administrator")
	Ended endOwnCustomers(@AuthenticationPrincipal PortalUser admin) {
		return new Ended(sweeps.endOwnCustomers(admin));
	}

	@DeleteMapping("/api/v1/console/customers/{code}/sessions")
	@Operation(summary = "End every session of one customer's users (staff administrators)")
	@ApiResponse(responseCode = "403", description = "You are not a staff administrator")
	@ApiResponse(responseCode = "404", description = "No customer with this code in your scope")
	Ended endCustomers(@AuthenticationPrincipal PortalUser admin, @PathVariable String code) {
		return new Ended(sweeps.endCustomers(admin, code));
	}

	@DeleteMapping("/api/v1/console/sessions")
	@Operation(summary = "End every session of everyone, customers and staff, but the one you call from "
			+ "(staff administrators of the whole portal)")
	@ApiResponse(responseCode = "403", description = "You are not a staff administrator of the whole portal")
	Ended endEveryones(@AuthenticationPrincipal PortalUser admin, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return new Ended(sweeps.endEveryones(admin, session == null ? null : session.getId()));
	}
}
