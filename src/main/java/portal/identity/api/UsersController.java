package portal.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.NewUser;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.UserChange;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.administration.UserStates;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Customer administrators manage their own customer's users. */
@RestController
@Feature(PortalFeature.USER_ADMINISTRATION)
@Tag(name = "Users", description = "Your customer's portal users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UsersController {

	private final UserAdministration administration;

	private final LostCredentials lost;

	private final UserStates states;

	UsersController(UserAdministration administration, LostCredentials lost, UserStates states) {
		this.administration = administration;
		this.lost = lost;
		this.states = states;
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "Your customer's users, searchable by login ID, name or email")
	List<UserView> users(@AuthenticationPrincipal PortalUser admin, @RequestParam(required = false) String search) {
		return administration.users(admin.customerId(), search);
	}

	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a user: issues the login ID and mails the activation link")
	UserView add(@AuthenticationPrincipal PortalUser admin, @Valid @RequestBody IdentityRequests.AddUserRequest body) {
		var roles = IdentityRequests.customerRoles(body.roles());
		return administration.add(admin, new NewUser(body.name(), body.email(), body.phone(), roles,
				body.serviceScope(), body.instanceScope(), body.thirdParty(), body.language(), body.consented(),
				body.termsVersion()), new Reauthentication(body.currentPassword(), body.code()));
	}

	@GetMapping("/api/v1/users/{loginId}")
	@Operation(summary = "One user of your customer")
	UserView user(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId) {
		return administration.user(admin.customerId(), loginId);
	}

	@PatchMapping("/api/v1/users/{loginId}")
	@Operation(summary = "Change a user's contact data, roles and limits, or disable/enable them; all or nothing")
	UserView change(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@Valid @RequestBody IdentityRequests.ChangeUserRequest body) {
		return administration.change(admin, loginId, new UserChange(body.name(), body.email(), body.phone(),
				body.thirdParty(), body.roles() == null ? null : IdentityRequests.customerRoles(body.roles()),
				body.serviceScope(), body.instanceScope(), body.disabled()),
				new Reauthentication(body.currentPassword(), body.code()));
	}

	@DeleteMapping("/api/v1/users/{loginId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a user: personal information erased, login ID retired")
	void remove(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId) {
		administration.remove(admin.customerId(), loginId);
	}

	@DeleteMapping("/api/v1/users/{loginId}/sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End every session of a user of your customer")
	void endSessions(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId) {
		states.endSessions(admin.customerId(), loginId);
	}

	@PostMapping("/api/v1/users/{loginId}/lost-credentials")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report a user's login information lost or stolen: locks the account at once")
	void reportLost(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId) {
		lost.report(admin.customerId(), loginId);
	}

	@PostMapping("/api/v1/users/{loginId}/reset")
	@Operation(summary = "Reset a user: new activation link, new password and second factor (needs re-authentication)")
	UserView reset(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@RequestBody(required = false) IdentityRequests.ReauthenticationRequest body) {
		return administration.reset(admin, loginId,
				body == null ? Reauthentication.NONE : new Reauthentication(body.currentPassword(), body.code()));
	}
}
