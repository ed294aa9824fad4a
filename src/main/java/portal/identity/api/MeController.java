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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.UserView;
import portal.identity.profile.JointUse;
import portal.identity.profile.Profiles;
import portal.identity.profile.TimeZoneSettings;
import portal.identity.profile.JointUses;
import portal.identity.profile.PasswordChanges;
import portal.identity.signin.OwnSessions;
import portal.identity.tokens.PersonalTokens;
import portal.identity.signin.SessionSummary;
import portal.identity.tokens.ApiToken;
import portal.identity.tokens.CreatedApiToken;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Times;

/** The signed-in person's own account: profile, joint use, sessions, tokens, password, withdrawal. */
@RestController
@Feature(PortalFeature.ESSENTIAL)
@Tag(name = "Me", description = "Your own account")
class MeController {

	/**
	 * @param timeZone the zone chosen in the profile (IANA name), or null for the browser's own
	 * @param effectiveTimeZone the zone this request's times are shown in: the chosen one, else the browser's, else UTC
	 */
	record Me(UserView user, List<JointUse> jointUse, String timeZone, String effectiveTimeZone) {
	}

	/** What a person may change of their own account here; a null or blank time zone means the browser's own. */
	record MeChange(@io.swagger.v3.oas.annotations.media.Schema(example = "Asia/Tokyo",
			description = "An IANA time zone name; null or empty for the browser's zone") String timeZone) {
	}

	private final Profiles profiles;

	private final JointUses jointUses;

	private final PasswordChanges passwords;

	private final OwnSessions sessions;

	private final PersonalTokens tokens;

	private final TimeZoneSettings timeZones;

	private final Times times;

	MeController(Profiles profiles, JointUses jointUses, PasswordChanges passwords, OwnSessions sessions,
			PersonalTokens tokens, TimeZoneSettings timeZones, Times times) {
		this.timeZones = timeZones;
		this.times = times;
		this.profiles = profiles;
		this.jointUses = jointUses;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Your account and the group companies that may use your personal information jointly")
	Me me(@AuthenticationPrincipal PortalUser user) {
		return new Me(profiles.me(user), jointUses.of(user),
				timeZones.chosen(user).map(java.time.ZoneId::getId).orElse(null), times.zoneId());
	}

	@PatchMapping("/api/v1/me")
	@Operation(summary = "Choose the time zone times are shown in (an IANA name such as Asia/Tokyo; empty for "
			+ "your browser's zone). An unknown name is a 400 problem naming the field timeZone.")
	Me change(@AuthenticationPrincipal PortalUser user, @Valid @RequestBody MeChange body) {
		timeZones.choose(user, body.timeZone());
		return new Me(profiles.me(user), jointUses.of(user),
				timeZones.chosen(user).map(java.time.ZoneId::getId).orElse(null),
				timeZones.chosen(user).map(java.time.ZoneId::getId).orElseGet(times::zoneId));
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
	@Operation(summary = "End one of your sessions (needs your current password and a one-time code in the body)")
	void endSession(@AuthenticationPrincipal PortalUser user, @PathVariable String handle,
			@RequestBody(required = false) IdentityRequests.ReauthenticationRequest body) {
		sessions.end(user, handle, reauthentication(body));
	}

	/** How many of your sessions ended. */
	record EndedSessions(int sessions) {
	}

	@DeleteMapping("/api/v1/me/sessions")
	@Operation(summary = "End all your sessions but this one (needs your current password and a one-time code in the body)")
	EndedSessions endOtherSessions(@AuthenticationPrincipal PortalUser user,
			@RequestBody(required = false) IdentityRequests.ReauthenticationRequest body, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return new EndedSessions(sessions.endOthers(user, session == null ? "" : session.getId(), reauthentication(body)));
	}

	private static Reauthentication reauthentication(IdentityRequests.ReauthenticationRequest body) {
		return body == null ? Reauthentication.NONE : new Reauthentication(body.currentPassword(), body.code());
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
