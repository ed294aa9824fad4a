package portal.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;

/**
 * The roles-and-limits form of a user's page: which customer roles the user holds
 * and which relevant services they are limited to. Whether granting the administrator role
 * needs the acting administrator's password and code is the service's rule, not this page's.
 */
@Controller
@Feature(PortalFeature.USER_ADMINISTRATION)
@RequestMapping("/app/users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UserRolesPage {

	private final UserAdministration administration;

	private final UserPageModel page;

	UserRolesPage(UserAdministration administration, UserPageModel page) {
		this.administration = administration;
		this.page = page;
	}

	@PostMapping("/{loginId}/roles")
	String changeRoles(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@ModelAttribute("rolesForm") RolesForm form, Model model, RedirectAttributes redirect) {
		UserView user = page.find(admin, loginId);
		FormErrors errors = PageErrors.none();
		if (form.customerRoles().isEmpty()) {
			errors.add("roles", "identity.page.error.roles-required");
		}
		if (errors.isEmpty()) {
			try {
				administration.changeRoles(admin, user.loginId(), form.customerRoles(), form.services(),
						user.instanceScope(), new Reauthentication(form.currentPassword(), form.code()));
				redirect.addFlashAttribute("done", "identity.page.user.done.roles");
				return UserPageModel.redirectTo(user.loginId(), redirect);
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		page.showUser(model, user, ContactForm.of(user), form.withoutSecrets());
		model.addAttribute("rolesErrors", errors.byField());
		model.addAttribute("rolesFirstError", errors.first(RolesForm.FIELDS));
		return "identity/user";
	}
}
