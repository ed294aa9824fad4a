package portal.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.PortalUser;
import portal.identity.UserView;
import portal.identity.administration.StaffDirectory;
import portal.identity.lostcredentials.LostCredentials;
import portal.identity.lostcredentials.LostReport;
import portal.identity.Reauthentication;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The Company's staff: every account in their scope, and the desk's queue of lost-credential reports. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@Tag(name = "Console: users", description = "Accounts and lost-credential reports, for staff")
class ConsoleUsersController {

	private final StaffDirectory directory;

	private final LostCredentials lost;

	ConsoleUsersController(StaffDirectory directory, LostCredentials lost) {
		this.directory = directory;
		this.lost = lost;
	}

	@GetMapping("/api/v1/console/users")
	@Operation(summary = "Accounts in your scope, searchable by login ID, name or email")
	List<UserView> users(@RequestParam(required = false) String search,
			@RequestParam(defaultValue = "100") int limit) {
		return directory.search(search, limit);
	}

	@PostMapping("/api/v1/console/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('STAFF_ADMIN')")
	@Operation(summary = "Register a staff member (optionally limited to one affiliate); needs your password and a "
			+ "one-time code")
	UserView addStaff(@AuthenticationPrincipal PortalUser admin,
			@Valid @RequestBody IdentityRequests.AddStaffRequest body) {
		return directory.addStaff(admin, new Reauthentication(body.currentPassword(), body.code()), body.name(), body.email(), body.phone(), IdentityRequests.staffRoles(body.roles()),
				body.companyScope(), body.language());
	}

	@GetMapping("/api/v1/console/lost-credential-reports")
	@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
	@Operation(summary = "Reports of lost or stolen login information, open ones first")
	List<LostReport> reports() {
		return lost.open();
	}
}
