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
import portal.platform.web.FormErrors;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.platform.web.Htmx;
import portal.identity.profile.PasswordChanges;
import portal.identity.profile.Profiles;
import portal.identity.profile.TimeZoneSettings;
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

	private final ProfileModel page;

	private final Profiles profiles;

	private final PasswordChanges passwords;

	private final TimeZoneSettings timeZones;

	private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

	ProfilePage(ProfileModel page, Profiles profiles, PasswordChanges passwords, TimeZoneSettings timeZones) {
		this.page = page;
		this.profiles = profiles;
		this.passwords = passwords;
		this.timeZones = timeZones;
	}

	@GetMapping({ "/app/profile", "/console/profile" })
	String profile(@AuthenticationPrincipal PortalUser user, Model model, Locale locale, HttpServletRequest request) {
		page.show(model, user, locale, request);
		return "identity/profile";
	}

	/** The zone times are shown in; blank goes back to the browser's own. An unknown name is refused beside the field. */
	@PostMapping({ "/app/profile/time-zone", "/console/profile/time-zone" })
	String chooseTimeZone(@AuthenticationPrincipal PortalUser user,
			@Valid @ModelAttribute("timeZoneForm") TimeZoneForm form, BindingResult binding, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		FormErrors errors = PageErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				timeZones.choose(user, form.timeZone());
				model.addAttribute("timeZoneDone", "identity.page.profile.time-zone.saved");
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, "timeZone");
			}
		}
		page.show(model, user, locale, request);
		if (!errors.isEmpty()) {
			model.addAttribute("timeZone", form.timeZone());
		}
		model.addAttribute("timeZoneErrors", errors.byField());
		return Htmx.view(request, response, "identity/profile", "time-zone");
	}

	@PostMapping({ "/app/profile/password", "/console/profile/password" })
	String changePassword(@AuthenticationPrincipal PortalUser user,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		FormErrors errors = PageErrors.of(binding);
		if (!errors.has("newPassword") && !form.repeated()) {
			errors.add("newPasswordRepeat", "identity.password.mismatch");
		}
		if (errors.isEmpty()) {
			try {
				passwords.change(user, form.currentPassword(), form.code().trim(), form.newPassword(),
						request.getSession(false) == null ? "" : request.getSession(false).getId());
				model.addAttribute("passwordDone", "identity.page.profile.password.changed");
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, "newPassword");
			}
		}
		page.show(model, user, locale, request);
		model.addAttribute("passwordErrors", errors.byField());
		model.addAttribute("passwordFirstError", errors.first(PasswordForm.FIELDS));
		return Htmx.view(request, response, "identity/profile", "password");
	}

	@GetMapping({ "/app/profile/withdraw", "/console/profile/withdraw" })
	String confirmWithdrawal(@AuthenticationPrincipal PortalUser user, Model model) {
		page.showPerson(model, user);
		return "identity/withdraw";
	}

	/** Deletes the registration (R-PI.3), then signs the person out on this browser too. */
	@PostMapping({ "/app/profile/withdraw", "/console/profile/withdraw" })
	String withdraw(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean confirmed,
			Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!confirmed) {
			return "redirect:" + ProfileModel.base(user) + "/withdraw";
		}
		try {
			profiles.withdraw(user);
		}
		catch (IdentityException refusal) {
			page.showPerson(model, user);
			model.addAttribute("withdrawError", PageErrors.messageKey(refusal));
			return "identity/withdraw";
		}
		signOut.logout(request, response, authentication);
		return "identity/withdrawn";
	}
}
