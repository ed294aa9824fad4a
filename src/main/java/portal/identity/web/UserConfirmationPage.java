package portal.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;

/**
 * The steps of a user's page that cannot be undone and so ask first, on a page of their own
 * that says what will happen: reporting the login information lost or stolen,
 * resetting access (with the administrator's password and code) and removing the user.
 */
@Controller
@Feature(PortalFeature.USER_ADMINISTRATION)
@RequestMapping("/app/users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UserConfirmationPage {

	private static final String VIEW = "identity/user-confirm";

	private final UserAdministration administration;

	private final LostCredentials lost;

	private final UserPageModel page;

	UserConfirmationPage(UserAdministration administration, LostCredentials lost, UserPageModel page) {
		this.administration = administration;
		this.lost = lost;
		this.page = page;
	}

	@GetMapping("/{loginId}/{step:lost|reset|remove}")
	String confirm(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@PathVariable String step, Model model) {
		page.showConfirmation(model, page.find(admin, loginId), step, PageErrors.none());
		return VIEW;
	}

	@PostMapping("/{loginId}/lost")
	String reportLost(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		UserView user = page.find(admin, loginId);
		try {
			lost.report(admin.customerId(), user.loginId());
		}
		catch (IdentityException refusal) {
			return refused(model, user, "lost", PageErrors.none(), refusal);
		}
		redirect.addFlashAttribute("done", "identity.page.user.done.lost");
		return UserPageModel.redirectTo(user.loginId(), redirect);
	}

	@PostMapping("/{loginId}/reset")
	String reset(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@ModelAttribute ReauthenticationForm form, Model model, RedirectAttributes redirect) {
		UserView user = page.find(admin, loginId);
		try {
			administration.reset(admin, user.loginId(), new Reauthentication(form.currentPassword(), form.code()));
		}
		catch (IdentityException refusal) {
			return refused(model, user, "reset", PageErrors.none(), refusal);
		}
		redirect.addFlashAttribute("done", "identity.page.user.done.reset");
		return UserPageModel.redirectTo(user.loginId(), redirect);
	}

	@PostMapping("/{loginId}/remove")
	String remove(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		UserView user = page.find(admin, loginId);
		try {
			administration.remove(admin.customerId(), user.loginId());
		}
		catch (IdentityException refusal) {
			return refused(model, user, "remove", PageErrors.none(), refusal);
		}
		redirect.addFlashAttribute("done", "identity.page.users.done.removed");
		redirect.addFlashAttribute("removed", user.loginId());
		return "redirect:/app/users";
	}

	private String refused(Model model, UserView user, String step, FormErrors errors, IdentityException refusal) {
		page.showConfirmation(model, user, step, PageErrors.refused(errors, refusal, PageErrors.FORM));
		return VIEW;
	}
}
