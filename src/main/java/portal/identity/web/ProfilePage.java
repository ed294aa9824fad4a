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
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.platform.web.Htmx;
import portal.identity.profile.Profiles;
import portal.identity.tokens.CreatedApiToken;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * One's own account, in the customer portal and in the console alike: the personal
 * information kept (R-PI.1) and who may use it jointly (R-PI.2), sessions, API tokens,
 * the password, and deleting one's registration (R-PI.3). Each section's form answers an
 * htmx request with that section alone and a plain request with the whole page.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ProfilePage {

	private final Profiles profiles;

	private final Clock clock;

	private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

	ProfilePage(Profiles profiles, Clock clock) {
		this.profiles = profiles;
		this.clock = clock;
	}

	@GetMapping({ "/app/profile", "/console/profile" })
	String profile(@AuthenticationPrincipal PortalUser user, Model model, Locale locale, HttpServletRequest request) {
		show(model, user, locale, request);
		return "identity/profile";
	}

	@PostMapping({ "/app/profile/sessions/{handle}/end", "/console/profile/sessions/{handle}/end" })
	String endSession(@AuthenticationPrincipal PortalUser user, @PathVariable String handle, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		try {
			profiles.endSession(user, handle);
			model.addAttribute("sessionsDone", "identity.page.profile.sessions.ended");
		}
		catch (IdentityException refusal) {
			model.addAttribute("sessionsError", PageErrors.messageKey(refusal));
		}
		show(model, user, locale, request);
		return Htmx.view(request, response, "identity/profile", "sessions");
	}

	@PostMapping({ "/app/profile/tokens", "/console/profile/tokens" })
	String createToken(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult binding, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		PageErrors errors = PageErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				CreatedApiToken created = profiles.createToken(user, form.name().trim(), form.validDays());
				model.addAttribute("createdToken", created);
				form = TokenForm.empty();
			}
			catch (IdentityException refusal) {
				errors.refused(refusal, "name");
			}
		}
		show(model, user, locale, request);
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
				profiles.revokeToken(user, id);
				model.addAttribute("tokensDone", "identity.page.profile.tokens.revoked");
			}
			catch (IdentityException refusal) {
				model.addAttribute("tokensError", PageErrors.messageKey(refusal));
			}
		}
		show(model, user, locale, request);
		return Htmx.view(request, response, "identity/profile", "tokens");
	}

	@PostMapping({ "/app/profile/password", "/console/profile/password" })
	String changePassword(@AuthenticationPrincipal PortalUser user,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		PageErrors errors = PageErrors.of(binding);
		if (!errors.has("newPassword") && !form.repeated()) {
			errors.add("newPasswordRepeat", "identity.password.mismatch");
		}
		if (errors.isEmpty()) {
			try {
				profiles.changePassword(user, form.currentPassword(), form.code().trim(), form.newPassword(),
						request.getSession(false) == null ? "" : request.getSession(false).getId());
				model.addAttribute("passwordDone", "identity.page.profile.password.changed");
			}
			catch (IdentityException refusal) {
				errors.refused(refusal, "newPassword");
			}
		}
		show(model, user, locale, request);
		model.addAttribute("passwordErrors", errors.byField());
		model.addAttribute("passwordFirstError", errors.first(PasswordForm.FIELDS));
		return Htmx.view(request, response, "identity/profile", "password");
	}

	@GetMapping({ "/app/profile/withdraw", "/console/profile/withdraw" })
	String confirmWithdrawal(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("area", area(user));
		model.addAttribute("base", base(user));
		model.addAttribute("me", profiles.me(user));
		return "identity/withdraw";
	}

	/** Deletes the registration (R-PI.3), then signs the person out on this browser too. */
	@PostMapping({ "/app/profile/withdraw", "/console/profile/withdraw" })
	String withdraw(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean confirmed,
			Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!confirmed) {
			return "redirect:" + base(user) + "/withdraw";
		}
		try {
			profiles.withdraw(user);
		}
		catch (IdentityException refusal) {
			model.addAttribute("area", area(user));
			model.addAttribute("base", base(user));
			model.addAttribute("me", profiles.me(user));
			model.addAttribute("withdrawError", PageErrors.messageKey(refusal));
			return "identity/withdraw";
		}
		signOut.logout(request, response, authentication);
		return "identity/withdrawn";
	}

	private void show(Model model, PortalUser user, Locale locale, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		model.addAttribute("area", area(user));
		model.addAttribute("base", base(user));
		model.addAttribute("me", profiles.me(user));
		model.addAttribute("jointUse", profiles.jointUse(user).stream()
			.map(use -> new JointUseRow(use.companyName(), country(use.country(), locale)))
			.toList());
		model.addAttribute("sessions", profiles.sessions(user, session == null ? "" : session.getId()));
		model.addAttribute("tokens", profiles.tokens(user));
		model.addAttribute("canCreateTokens", !user.viaApiToken());
		model.addAttribute("now", clock.instant());
		model.addAttribute("tokenErrors", Map.of());
		model.addAttribute("passwordErrors", Map.of());
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", TokenForm.empty());
		}
		// Secrets typed into the password form are never sent back.
		model.addAttribute("passwordForm", PasswordForm.empty());
	}

	static String area(PortalUser user) {
		return user.staff() ? "console" : "app";
	}

	static String base(PortalUser user) {
		return "/" + area(user) + "/profile";
	}

	/** A country code in the reader's language; anything that is not a code is shown as it is. */
	static String country(String code, Locale locale) {
		if (code == null || !code.matches("[A-Za-z]{2}")) {
			return code;
		}
		String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/** One row of the joint-use register (R-PI.2). */
	record JointUseRow(String company, String country) {
	}
}
