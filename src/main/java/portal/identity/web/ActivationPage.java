package portal.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import portal.platform.web.FormErrors;
import portal.identity.activation.Activation;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The page an activation or reset link opens: set a password, enrol the
 * authenticator app, accept the personal information terms in force, then see the
 * recovery codes once. An unknown, used or expired link gets a page that says what to do.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ActivationPage {

	private final Activation activation;

	ActivationPage(Activation activation) {
		this.activation = activation;
	}

	@GetMapping("/activate/{token}")
	String offer(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
		Optional<Activation.Offer> offer = activation.offer(token);
		if (offer.isEmpty()) {
			return invalid(response);
		}
		show(model, token, offer.get(), ActivationForm.empty(), PageErrors.none(), locale);
		return "identity/activate";
	}

	@PostMapping("/activate/{token}")
	String activate(@PathVariable String token, @ModelAttribute ActivationForm form, Model model, Locale locale,
			HttpServletResponse response) {
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
