package portal.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import portal.platform.web.FormErrors;
import portal.platform.web.Htmx;
import portal.identity.activation.Activation;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The page an activation or reset link opens: set a password, enrol the
 * authenticator app, accept the personal information terms in force, then see the
 * recovery codes once. An unknown, used or expired link gets a page that says what to do.
 * No token ever travels in a URL the server receives: it comes in request bodies only.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ActivationPage {

	private static final List<String> TOKEN_FIELDS = List.of("token");

	private final Activation activation;

	ActivationPage(Activation activation) {
		this.activation = activation;
	}

	/**
	 * The page a link opens. The link carries its token after {@code #}, which the browser
	 * never sends (ASVS 14.2.1): the page's script moves it into the form and out of the
	 * address bar, then posts it; without scripts people paste the code the email shows.
	 */
	@GetMapping("/activate")
	String start(Model model) {
		PageErrors.none().addTo(model, TOKEN_FIELDS);
		return "identity/activate";
	}

	/** What the token offers (login ID, authenticator secret, terms), asked for with the token in the body. */
	@PostMapping("/activate/offer")
	String offer(@RequestParam(defaultValue = "") String token, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Activation.Offer> offer = token.isBlank() || inUrl(request) ? Optional.empty()
				: activation.offer(token.trim());
		if (offer.isEmpty()) {
			// Whether the code never existed, was used or expired is not the visitor's business.
			PageErrors.none()
				.add("token", token.isBlank() ? "identity.page.activate.token-required" : "identity.page.activate.token-unknown")
				.addTo(model, TOKEN_FIELDS);
		}
		else {
			show(model, token.trim(), offer.get(), ActivationForm.empty(), PageErrors.none(), locale);
		}
		return Htmx.view(request, response, "identity/activate", "activation");
	}

	@PostMapping("/activate")
	String activate(@RequestParam(defaultValue = "") String token, @ModelAttribute ActivationForm form, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		if (token.isBlank() || inUrl(request)) {
			return invalid(response);
		}
		Activation.Result result = activation.activate(token, ActivationForm.orEmpty(form.password()),
				ActivationForm.orEmpty(form.passwordRepeat()), ActivationForm.orEmpty(form.code()), form.accepted(),
				form.termsVersion() == null ? -1 : form.termsVersion());
		if (result.succeeded()) {
			model.addAttribute("recoveryCodes", result.recoveryCodes());
			return "identity/activated";
		}
		Optional<Activation.Offer> offer = activation.offer(token);
		if (offer.isEmpty() || result.errors().containsKey("token")) {
			return invalid(response);
		}
		FormErrors errors = PageErrors.none();
		result.errors().forEach((field, keys) -> keys.forEach(key -> errors.add(field, key)));
		show(model, token, offer.get(), form.withoutSecrets(), errors, locale);
		return "identity/activate";
	}

	/** A token in the query string is refused: it would be in logs and Referer headers (ASVS 14.2.1). */
	private static boolean inUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		return query != null && ("&" + query).contains("&token=");
	}

	private static String invalid(HttpServletResponse response) {
		// Whether the link never existed, was used or expired is not the visitor's business.
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "identity/activation-invalid";
	}

	private static void show(Model model, String token, Activation.Offer offer, ActivationForm form,
			FormErrors errors, Locale locale) {
		model.addAttribute("token", token);
		model.addAttribute("offer", offer);
		model.addAttribute("form", form);
		model.addAttribute("secretGroups", groupsOfFour(offer.totpSecret()));
		model.addAttribute("terms", offer.personalInformationTerms());
		model.addAttribute("translated", offer.personalInformationTerms().isTranslation(locale));
		errors.addTo(model, ActivationForm.FIELDS);
	}

	/** The secret as people type it from the screen: groups of four characters. */
	static List<String> groupsOfFour(String secret) {
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < secret.length(); i += 4) {
			groups.add(secret.substring(i, Math.min(secret.length(), i + 4)));
		}
		return groups;
	}
}
