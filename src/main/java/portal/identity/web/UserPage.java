package portal.identity.web;

import java.util.function.Supplier;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.administration.UserStates;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;

/**
 * One user of the administrator's own customer: contact data, disabling and
 * enabling, a new activation link, and the user's history a page at a time. Roles are
 * changed by {@link UserRolesPage}; the steps that ask first by {@link UserConfirmationPage}.
 */
@Controller
@Feature(PortalFeature.USER_ADMINISTRATION)
@RequestMapping("/app/users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UserPage {

	private final UserAdministration administration;

	private final UserStates states;

	private final UserPageModel page;

	UserPage(UserAdministration administration, UserStates states, UserPageModel page) {
		this.administration = administration;
		this.states = states;
		this.page = page;
	}

	@GetMapping("/{loginId}")
	String user(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@RequestParam(defaultValue = "0") int history, Model model) {
		UserView user = page.find(admin, loginId);
		page.showUser(model, user, ContactForm.of(user), RolesForm.of(user), history);
		return "identity/user";
	}

	@PostMapping("/{loginId}/contact")
	String changeContact(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UserView user = page.find(admin, loginId);
		FormErrors errors = PageErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				administration.changeContact(admin, user.loginId(), form.name(), form.email(), form.phone(),
						form.thirdParty(), new Reauthentication(form.currentPassword(), form.code()));
				redirect.addFlashAttribute("done", "identity.page.user.done.contact");
				return UserPageModel.redirectTo(user.loginId(), redirect);
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		page.showUser(model, user, form.withoutSecrets(), RolesForm.of(user));
		model.addAttribute("contactErrors", errors.byField());
		model.addAttribute("contactFirstError", errors.first(ContactForm.FIELDS));
		return "identity/user";
	}

	@PostMapping("/{loginId}/disable")
	String disable(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		return act(admin, loginId, model, redirect, "identity.page.user.done.disabled",
				() -> states.disable(admin.customerId(), loginId));
	}

	@PostMapping("/{loginId}/enable")
	String enable(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		return act(admin, loginId, model, redirect, "identity.page.user.done.enabled",
				() -> states.enable(admin.customerId(), loginId));
	}

	@PostMapping("/{loginId}/resend-activation")
	String resendActivation(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		return act(admin, loginId, model, redirect, "identity.page.user.done.resent", () -> {
			states.resendActivation(admin.customerId(), loginId);
			return null;
		});
	}

	private String act(PortalUser admin, String loginId, Model model, RedirectAttributes redirect, String done,
			Supplier<?> action) {
		UserView user = page.find(admin, loginId);
		try {
			action.get();
		}
		catch (IdentityException refusal) {
			page.showUser(model, user, ContactForm.of(user), RolesForm.of(user));
			model.addAttribute("actionError", PageErrors.messageKey(refusal));
			return "identity/user";
		}
		redirect.addFlashAttribute("done", done);
		return UserPageModel.redirectTo(user.loginId(), redirect);
	}
}
