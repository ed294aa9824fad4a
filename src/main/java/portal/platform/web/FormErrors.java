package portal.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import portal.platform.PortalException;

/**
 * What to fix on a form, as message keys by the field they belong beside ({@value #FORM}
 * for the form as a whole): the form record's checks from its {@link BindingResult}, and
 * the service's refusals, placed beside the field the {@link PortalException} names. Pages
 * show them with the fragments of {@code layout/fields.html}.
 * <p>
 * Keys: a constraint's message is a key; a refusal of bad input in field {@code f} reads
 * {@code <prefix>.error.refused.f}; any other refusal {@code <prefix>.problem.<type>} when
 * the module lists the type as known, else {@code <prefix>.problem.other}.
 */
public final class FormErrors {

	public static final String FORM = "form";

	private final String prefix;

	private final Set<String> knownProblems;

	private final Map<String, List<String>> byField = new LinkedHashMap<>();

	private FormErrors(String prefix, Set<String> knownProblems) {
		this.prefix = prefix;
		this.knownProblems = knownProblems;
	}

	/** No errors yet, for a module whose keys start with {@code prefix} (e.g. {@code identity.page}). */
	public static FormErrors none(String prefix, Set<String> knownProblems) {
		return new FormErrors(prefix, knownProblems);
	}

	/** The checks a form record declares; each constraint's message is a message key. */
	public static FormErrors of(BindingResult binding, String prefix, Set<String> knownProblems) {
		FormErrors errors = none(prefix, knownProblems);
		binding.getFieldErrors().forEach(error -> errors.add(error.getField(),
				error.isBindingFailure() ? prefix + ".error.invalid" : error.getDefaultMessage()));
		binding.getGlobalErrors().forEach(error -> errors.add(FORM, error.getDefaultMessage()));
		return errors;
	}

	public FormErrors add(String field, String key) {
		List<String> keys = byField.computeIfAbsent(field, f -> new ArrayList<>());
		if (!keys.contains(key)) {
			keys.add(key);
		}
		return this;
	}

	/** A service's refusal, beside the field it names or else beside {@code defaultField}. */
	public FormErrors refused(PortalException refusal, String defaultField) {
		String field = refusal.offendingField().orElse(defaultField);
		if (refusal.status().value() == 400 && refusal.offendingField().isPresent()) {
			return add(field, prefix + ".error.refused." + field);
		}
		return add(field, problemKey(refusal));
	}

	/** The message key of a refusal that concerns a form or an action as a whole. */
	public String problemKey(PortalException refusal) {
		return knownProblems.contains(refusal.problemType()) ? prefix + ".problem." + refusal.problemType()
				: prefix + ".problem.other";
	}

	public boolean isEmpty() {
		return byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public Map<String, List<String>> byField() {
		return byField;
	}

	/** The first field in page order that has a message, for the focus. */
	public String first(List<String> pageOrder) {
		return pageOrder.stream().filter(byField::containsKey).findFirst()
			.orElse(byField.isEmpty() ? null : byField.keySet().iterator().next());
	}

	/** Puts {@code errors} and {@code firstError} (for autofocus) into the model. */
	public void addTo(Model model, List<String> pageOrder) {
		model.addAttribute("errors", byField);
		model.addAttribute("firstError", first(pageOrder));
	}
}
