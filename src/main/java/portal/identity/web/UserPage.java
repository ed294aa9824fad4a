package portal.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.platform.web.FormErrors;
import portal.catalog.Catalog;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.administration.UserStates;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.lostcredentials.LostCredentials;
import portal.identity.profile.Profiles;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * One user of the administrator's own customer: contact data, roles and
 * service limits, disabling, lost-credential reports, resets and removal, each refusal
 * shown beside its form. A login ID of another customer is simply not found.
 */
@Controller
@Feature(PortalFeature.USER_ADMINISTRATION)
@RequestMapping("/app/users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UserPage {

	private static final int HISTORY_SIZE = 20;

	private final UserAdministration administration;

	private final LostCredentials lost;

	private final UserStates states;

	private final Catalog catalog;

	private final UserChanges changes;

	UserPage(UserAdministration administration, LostCredentials lost, UserStates states, Catalog catalog,
			UserChanges changes) {
		this.administration = administration;
		this.lost = lost;
		this.states = states;
		this.catalog = catalog;
		this.changes = changes;
	}

	@GetMapping("/{loginId}")
	String user(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model) {
		UserView user = find(admin, loginId);
		showUser(model, user, ContactForm.of(user), RolesForm.of(user));
		return "identity/user";
	}

	@PostMapping("/{loginId}/contact")
	String changeContact(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UserView user = find(admin, loginId);
		FormErrors errors = PageErrors.of(binding);
		if (errors.isEmpty()) {
			try {
				administration.changeContact(admin.customerId(), user.loginId(), form.name(), form.email(),
						form.phone(), form.thirdParty());
				redirect.addFlashAttribute("done", "identity.page.user.done.contact");
				return redirectTo(user.loginId(), redirect);
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		showUser(model, user, form, RolesForm.of(user));
		model.addAttribute("contactErrors", errors.byField());
		model.addAttribute("contactFirstError", errors.first(ContactForm.FIELDS));
		return "identity/user";
	}

	@PostMapping("/{loginId}/roles")
	String changeRoles(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@ModelAttribute("rolesForm") RolesForm form, Model model, RedirectAttributes redirect) {
		UserView user = find(admin, loginId);
		FormErrors errors = PageErrors.none();
		if (form.customerRoles().isEmpty()) {
			errors.add("roles", "identity.page.error.roles-required");
		}
		if (errors.isEmpty()) {
			try {
				administration.changeRoles(admin, user.loginId(), form.customerRoles(), form.services(),
						user.instanceScope(), new Reauthentication(form.currentPassword(), form.code()));
				redirect.addFlashAttribute("done", "identity.page.user.done.roles");
				return redirectTo(user.loginId(), redirect);
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		showUser(model, user, ContactForm.of(user), form.withoutSecrets());
		model.addAttribute("rolesErrors", errors.byField());
		model.addAttribute("rolesFirstError", errors.first(RolesForm.FIELDS));
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

	/** Lost, reset and remove each ask first, on a page of their own that says what will happen. */
	@GetMapping("/{loginId}/{step:lost|reset|remove}")
	String confirm(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@PathVariable String step, Model model) {
		showConfirmation(model, find(admin, loginId), step, PageErrors.none());
		return "identity/user-confirm";
	}

	@PostMapping("/{loginId}/lost")
	String reportLost(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		UserView user = find(admin, loginId);
		try {
			lost.report(admin.customerId(), user.loginId());
		}
		catch (IdentityException refusal) {
			showConfirmation(model, user, "lost", PageErrors.refused(PageErrors.none(), refusal, PageErrors.FORM));
			return "identity/user-confirm";
		}
		redirect.addFlashAttribute("done", "identity.page.user.done.lost");
		return redirectTo(user.loginId(), redirect);
	}

	@PostMapping("/{loginId}/reset")
	String reset(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId,
			@ModelAttribute ReauthenticationForm form, Model model, RedirectAttributes redirect) {
		UserView user = find(admin, loginId);
		FormErrors errors = PageErrors.none();
		try {
			administration.reset(admin, user.loginId(), new Reauthentication(form.currentPassword(), form.code()));
			redirect.addFlashAttribute("done", "identity.page.user.done.reset");
			return redirectTo(user.loginId(), redirect);
		}
		catch (IdentityException refusal) {
			PageErrors.refused(errors, refusal, PageErrors.FORM);
		}
		showConfirmation(model, user, "reset", errors);
		return "identity/user-confirm";
	}

	@PostMapping("/{loginId}/remove")
	String remove(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model,
			RedirectAttributes redirect) {
		UserView user = find(admin, loginId);
		try {
			administration.remove(admin.customerId(), user.loginId());
		}
		catch (IdentityException refusal) {
			showConfirmation(model, user, "remove", PageErrors.refused(PageErrors.none(), refusal, PageErrors.FORM));
			return "identity/user-confirm";
		}
		redirect.addFlashAttribute("done", "identity.page.users.done.removed");
		redirect.addFlashAttribute("removed", user.loginId());
		return "redirect:/app/users";
	}

	private String act(PortalUser admin, String loginId, Model model, RedirectAttributes redirect, String done,
			Supplier<?> action) {
		UserView user = find(admin, loginId);
		try {
			action.get();
		}
		catch (IdentityException refusal) {
			showUser(model, user, ContactForm.of(user), RolesForm.of(user));
			model.addAttribute("actionError", PageErrors.messageKey(refusal));
			return "identity/user";
		}
		redirect.addFlashAttribute("done", done);
		return redirectTo(user.loginId(), redirect);
	}

	/** The user of the administrator's own customer; any other login ID is not found. */
	private UserView find(PortalUser admin, String loginId) {
		try {
			return administration.user(admin.customerId(), loginId);
		}
		catch (IdentityException refusal) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static String redirectTo(String loginId, RedirectAttributes redirect) {
		redirect.addAttribute("loginId", loginId);
		return "redirect:/app/users/{loginId}";
	}

	private void showUser(Model model, UserView user, ContactForm contactForm, RolesForm rolesForm) {
		model.addAttribute("user", user);
		model.addAttribute("contactForm", contactForm);
		model.addAttribute("rolesForm", rolesForm);
		model.addAttribute("services", UsersPage.offeredServices(catalog));
		model.addAttribute("serviceNames", serviceNames());
		model.addAttribute("roleKeys", UsersPage.ROLE_KEYS);
		model.addAttribute("history", changes.about(user.loginId(), HISTORY_SIZE));
		model.addAttribute("contactErrors", Map.of());
		model.addAttribute("rolesErrors", Map.of());
	}

	private void showConfirmation(Model model, UserView user, String step, FormErrors errors) {
		model.addAttribute("user", user);
		model.addAttribute("step", step);
		errors.addTo(model, ReauthenticationForm.FIELDS);
	}

	private Map<String, String> serviceNames() {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.relevantServices().forEach(service -> names.put(service.key(), service.name()));
		return names;
	}
}
