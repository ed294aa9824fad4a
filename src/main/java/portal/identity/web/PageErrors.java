package portal.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import portal.identity.IdentityException;

/**
 * What to fix on a form, as message keys by the field they belong beside ({@code form}
 * for the form as a whole). Pages show them next to the fields, link each field to its
 * message, and put the focus on the first field with one.
 */
final class PageErrors {

	static final String FORM = "form";

	static final String REAUTHENTICATION = "reauthentication";

	// Services name the field a refusal concerns at the start of the message ("email: …").
	private static final Pattern FIELD_PREFIX = Pattern.compile("^([a-zA-Z]+): (.*)$", Pattern.DOTALL);

	private static final Set<String> KNOWN_FIELDS = Set.of("name", "email", "phone", "consentConfirmed",
			"validDays", "roles");

	private static final Set<String> KNOWN_PROBLEMS = Set.of("user-not-found", "last-administrator",
			"reauthentication-failed", "session-not-found", "session-required", "token-not-found", "not-pending",
			"invalid-transition", "invalid-role", "invalid-user");

	private final Map<String, List<String>> byField = new LinkedHashMap<>();

	static PageErrors none() {
		return new PageErrors();
	}

	/** The checks a form record declares; each constraint's message is a message key. */
	static PageErrors of(BindingResult binding) {
		PageErrors errors = new PageErrors();
		binding.getFieldErrors().forEach(error -> errors.add(error.getField(),
				error.isBindingFailure() ? "identity.page.error.invalid" : error.getDefaultMessage()));
		binding.getGlobalErrors().forEach(error -> errors.add(FORM, error.getDefaultMessage()));
		return errors;
	}

	PageErrors add(String field, String key) {
		List<String> keys = byField.computeIfAbsent(field, f -> new ArrayList<>());
		if (!keys.contains(key)) {
			keys.add(key);
		}
		return this;
	}

	/**
	 * A service's refusal: beside the field it names, or beside {@code defaultField}. The
	 * message people read comes from the bundles, so it is in the page's language.
	 */
	PageErrors refused(IdentityException refusal, String defaultField) {
		String type = refusal.problemType();
		if ("reauthentication-failed".equals(type)) {
			return add(REAUTHENTICATION, "identity.page.problem.reauthentication-failed");
		}
		Matcher prefixed = FIELD_PREFIX.matcher(refusal.getMessage() == null ? "" : refusal.getMessage());
		if (prefixed.matches() && "newPassword".equals(prefixed.group(1))) {
			// The password policy names its findings by message key.
			for (String key : prefixed.group(2).split(",\\s*")) {
				add("newPassword", key.startsWith("identity.") ? key : "identity.page.error.invalid");
			}
			return this;
		}
		if ("invalid-user".equals(type) && prefixed.matches() && KNOWN_FIELDS.contains(prefixed.group(1))) {
			return add(prefixed.group(1), "identity.page.error.refused." + prefixed.group(1));
		}
		return add(defaultField, KNOWN_PROBLEMS.contains(type) ? "identity.page.problem." + type
				: "identity.page.problem.other");
	}

	/** The message key of a refusal that concerns a form or an action as a whole. */
	static String messageKey(IdentityException refusal) {
		return none().refused(refusal, FORM).byField().values().iterator().next().get(0);
	}

	boolean isEmpty() {
		return byField.isEmpty();
	}

	boolean has(String field) {
		return byField.containsKey(field);
	}

	Map<String, List<String>> byField() {
		return byField;
	}

	/** The first field in page order that has a message, for the focus. */
	String first(List<String> pageOrder) {
		return pageOrder.stream().filter(byField::containsKey).findFirst()
			.orElse(byField.isEmpty() ? null : byField.keySet().iterator().next());
	}

	/**
	 * Puts {@code errors} and {@code firstError} (the first field in page order that has a
	 * message, for autofocus) into the model.
	 */
	void addTo(Model model, List<String> pageOrder) {
		model.addAttribute("errors", byField);
		model.addAttribute("firstError", first(pageOrder));
	}
}
