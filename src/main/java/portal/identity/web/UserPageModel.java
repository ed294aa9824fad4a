package portal.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.catalog.Catalog;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.web.FormErrors;

/**
 * What the pages about one user share: finding the user within the administrator's own
 * customer (any other login ID is not found, R-7.5), and the model of the user's page and
 * of its confirmation steps.
 */
@Component
class UserPageModel {

	static final int HISTORY_SIZE = 20;

	private final UserAdministration administration;

	private final Catalog catalog;

	private final UserChanges changes;

	UserPageModel(UserAdministration administration, Catalog catalog, UserChanges changes) {
		this.administration = administration;
		this.catalog = catalog;
		this.changes = changes;
	}

	/** The user of the administrator's own customer; any other login ID is not found. */
	UserView find(PortalUser admin, String loginId) {
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

	/** The user's page with the given forms and the newest page of their history. */
	void showUser(Model model, UserView user, ContactForm contactForm, RolesForm rolesForm) {
		showUser(model, user, contactForm, rolesForm, 0);
	}

	void showUser(Model model, UserView user, ContactForm contactForm, RolesForm rolesForm, int historyPage) {
		model.addAttribute("user", user);
		model.addAttribute("contactForm", contactForm);
		model.addAttribute("rolesForm", rolesForm);
		model.addAttribute("services", UsersPage.offeredServices(catalog));
		model.addAttribute("serviceNames", serviceNames());
		model.addAttribute("roleKeys", UsersPage.ROLE_KEYS);
		model.addAttribute("history", changes.about(user.loginId(), historyPage, HISTORY_SIZE));
		model.addAttribute("contactErrors", Map.of());
		model.addAttribute("rolesErrors", Map.of());
	}

	void showConfirmation(Model model, UserView user, String step, FormErrors errors) {
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
