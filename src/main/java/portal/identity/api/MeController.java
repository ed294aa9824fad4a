package portal.identity.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.PortalUser;
import portal.identity.UserView;
import portal.identity.profile.JointUse;
import portal.identity.profile.Profiles;
import portal.identity.profile.JointUses;
import portal.identity.profile.PasswordChanges;
import portal.identity.signin.OwnSessions;
import portal.identity.tokens.PersonalTokens;
import portal.identity.signin.SessionSummary;
import portal.identity.tokens.ApiToken;
import portal.identity.tokens.CreatedApiToken;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The signed-in person's own account: profile, joint use, sessions, tokens, password, withdrawal. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Me", description = "Your own account")
class MeController {

	record Me(UserView user, List<JointUse> jointUse) {
	}

	private final Profiles profiles;

	private final JointUses jointUses;

	private final PasswordChanges passwords;

	private final OwnSessions sessions;

	private final PersonalTokens tokens;

	MeController(Profiles profiles, JointUses jointUses, PasswordChanges passwords, OwnSessions sessions,
			PersonalTokens tokens) {
		this.profiles = profiles;
		this.jointUses = jointUses;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Your account and the group companies that may use your personal information jointly")
	Me me(@AuthenticationPrincipal PortalUser user) {
		return new Me(profiles.me(user), jointUses.of(user));
	}

	@DeleteMapping("/api/v1/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw consent: erase your personal information and retire your login ID")
	void withdraw(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) {
		profiles.withdraw(user);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	@PostMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your password (needs your current password and a one-time code)")
	void changePassword(@AuthenticationPrincipal PortalUser user,
			@Valid @RequestBody IdentityRequests.ChangePasswordRequest body, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		passwords.change(user, body.currentPassword(), body.code(), body.newPassword(),
				session == null ? "" : session.getId());
	}

	@GetMapping("/api/v1/me/sessions")
	@Operation(summary = "Your sessions on every node")
	List<SessionSummary> sessions(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return sessions.of(user, session == null ? "" : session.getId());
	}

	@DeleteMapping("/api/v1/me/sessions/{handle}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End one of your sessions")
	void endSession(@AuthenticationPrincipal PortalUser user, @PathVariable String handle) {
		sessions.end(user, handle);
	}

	@GetMapping("/api/v1/me/tokens")
	@Operation(summary = "Your personal API tokens")
	List<ApiToken> tokens(@AuthenticationPrincipal PortalUser user) {
		return tokens.of(user);
	}

	@PostMapping("/api/v1/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a personal API token; its secret is shown only in this response")
	CreatedApiToken createToken(@AuthenticationPrincipal PortalUser user,
			@Valid @RequestBody IdentityRequests.CreateTokenRequest body) {
		return tokens.create(user, body.name(), body.validDays());
	}

	@DeleteMapping("/api/v1/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of your API tokens")
	void revokeToken(@AuthenticationPrincipal PortalUser user, @PathVariable UUID id) {
		tokens.revoke(user, id);
	}
}
