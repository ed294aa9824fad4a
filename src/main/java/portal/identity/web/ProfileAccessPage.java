package portal.identity.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.platform.web.Htmx;
import portal.identity.signin.OwnSessions;
import portal.identity.tokens.PersonalTokens;
import portal.identity.tokens.CreatedApiToken;

/**
 * The sessions and API tokens sections of one's profile: end a session, create a token
 * (shown once), revoke one. Each answers an htmx request with its section alone.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ProfileAccessPage {

	private final ProfileModel page;

	private final OwnSessions sessions;

	private final PersonalTokens tokens;

	ProfileAccessPage(ProfileModel page, OwnSessions sessions, PersonalTokens tokens) {
		this.page = page;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	/**
	 * Ends one session (named by {@code handle}) or, with {@code others}, every session but
	 * this one; either needs the person's password and a fresh one-time code (ASVS 7.5.2).
	 */
	@PostMapping({ "/app/profile/sessions/end", "/console/profile/sessions/end" })
	String endSessions(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String handle,
			@RequestParam(defaultValue = "false") boolean others, ReauthenticationForm form, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		FormErrors errors = PageErrors.none();
		Reauthentication given = new Reauthentication(form.currentPassword(), form.code());
		try {
			if (others) {
				HttpSession session = request.getSession(false);
				sessions.endOthers(user, session == null ? "" : session.getId(), given);
				model.addAttribute("sessionsDone", "identity.page.profile.sessions.others-ended");
			}
			else {
				sessions.end(user, handle, given);
				model.addAttribute("sessionsDone", "identity.page.profile.sessions.ended");
			}
		}
		catch (IdentityException refusal) {
			PageErrors.refused(errors, refusal, PageErrors.FORM);
		}
		page.show(model, user, locale, request);
		model.addAttribute("sessionsErrors", errors.byField());
		model.addAttribute("sessionsFirstError", errors.first(ReauthenticationForm.FIELDS));
		return Htmx.view(request, response, "identity/profile", "sessions");
	}

	@PostMapping({ "/app/profile/tokens", "/console/profile/tokens" })
	String createToken(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult binding, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		FormErrors errors = PageErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				CreatedApiToken created = tokens.create(user, form.name().trim(), form.validDays());
				model.addAttribute("createdToken", created);
				form = TokenForm.empty();
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, "name");
			}
		}
		page.show(model, user, locale, request);
		model.addAttribute("tokenForm", form);
		model.addAttribute("tokenErrors", errors.byField());
		model.addAttribute("tokenFirstError", errors.first(TokenForm.FIELDS));
		return Htmx.view(request, response, "identity/profile", "tokens");
	}

	/** Revoking asks first: without {@code confirmed} the section shows the question. */
	@PostMapping({ "/app/profile/tokens/{id}/revoke", "/console/profile/tokens/{id}/revoke" })
	String revokeToken(@AuthenticationPrincipal PortalUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		if (!confirmed) {
			model.addAttribute("confirmRevoke", id);
		}
		else {
			try {
				tokens.revoke(user, id);
				model.addAttribute("tokensDone", "identity.page.profile.tokens.revoked");
			}
			catch (IdentityException refusal) {
				model.addAttribute("tokensError", PageErrors.messageKey(refusal));
			}
		}
		page.show(model, user, locale, request);
		return Htmx.view(request, response, "identity/profile", "tokens");
	}
}
