package portal.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.platform.web.FormErrors;
import portal.catalog.Catalog;
import portal.catalog.RelevantService;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.web.Htmx;
import portal.terms.Terms;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Customer administrators' list of their own customer's users, with search,
 * registering a new user after confirming the person's consent, and "who changed
 * what". One user's page is {@link UserPage}.
 */
@Controller
@Feature(PortalFeature.USER_ADMINISTRATION)
@RequestMapping("/app/users")
@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
class UsersPage {

	/** The customer roles in the order forms offer them. */
	static final List<String> ROLE_KEYS = List.of(Role.CUSTOMER_ADMINISTRATOR.key(), Role.CUSTOMER_ORDERER.key(),
			Role.CUSTOMER_VIEWER.key());

	private static final int CHANGES_SIZE = 50;

	private final UserAdministration administration;

	private final Catalog catalog;

	private final Terms terms;

	private final UserChanges changes;

	UsersPage(UserAdministration administration, Catalog catalog, Terms terms,
			UserChanges changes) {
		this.administration = administration;
		this.catalog = catalog;
		this.terms = terms;
		this.changes = changes;
	}

	@GetMapping
	String users(@AuthenticationPrincipal PortalUser admin, @RequestParam(defaultValue = "") String q, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("users", administration.users(admin.customerId(), q));
		return Htmx.view(request, response, "identity/users", "results");
	}

	@GetMapping("/new")
	String addForm(Model model, Locale locale) {
		showAddForm(model, AddUserForm.empty(locale.getLanguage()), PageErrors.none());
		return "identity/user-new";
	}

	@PostMapping
	String add(@AuthenticationPrincipal PortalUser admin, @Valid @ModelAttribute("form") AddUserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		FormErrors errors = PageErrors.of(binding);
		if (!form.consented()) {
			errors.add("consentConfirmed", "identity.page.error.consent-required");
		}
		if (errors.isEmpty()) {
			try {
				UserView added = administration.add(admin, form.toNewUser(),
						new Reauthentication(form.currentPassword(), form.code()));
				redirect.addFlashAttribute("done", "identity.page.users.done.added");
				return UserPageModel.redirectTo(added.loginId(), redirect);
			}
			catch (IdentityException refusal) {
				PageErrors.refused(errors, refusal, PageErrors.FORM);
			}
		}
		showAddForm(model, form.withoutSecrets(), errors);
		return "identity/user-new";
	}

	/** The personal information terms in force, which the administrator confirms the person consented to. */
	@GetMapping("/consent-terms")
	String consentTerms(Model model, Locale locale) {
		var document = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		model.addAttribute("terms", document);
		model.addAttribute("translated", document.isTranslation(locale));
		return "identity/consent-terms";
	}

	@GetMapping("/changes")
	String changes(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("action", UserChanges.ACTIONS.contains(action) ? action : "");
		model.addAttribute("actions", UserChanges.ACTIONS);
		model.addAttribute("changes", changes.recent(action, page, CHANGES_SIZE));
		return Htmx.view(request, response, "identity/user-changes", "changes");
	}

	private void showAddForm(Model model, AddUserForm form, FormErrors errors) {
		var document = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		model.addAttribute("form", form);
		model.addAttribute("termsVersion", document.version());
		model.addAttribute("services", offeredServices(catalog));
		model.addAttribute("roleKeys", ROLE_KEYS);
		errors.addTo(model, AddUserForm.FIELDS);
	}

	/** The relevant services a user may be limited to: those offered today. */
	static List<RelevantService> offeredServices(Catalog catalog) {
		return catalog.relevantServices().stream().filter(RelevantService::active).toList();
	}
}
