package portal.identity.web;

import java.util.Set;

import org.springframework.validation.BindingResult;
import portal.identity.IdentityException;
import portal.identity.profile.PasswordChanges.PasswordRefused;
import portal.platform.web.FormErrors;

/** The identity pages' {@link FormErrors}: keys under {@code identity.page}, and the problems they name. */
final class PageErrors {

	static final String FORM = FormErrors.FORM;

	static final String REAUTHENTICATION = "reauthentication";

	private static final String PREFIX = "identity.page";

	private static final Set<String> KNOWN_PROBLEMS = Set.of("user-not-found", "last-administrator",
			"reauthentication-failed", "reauthentication-required", "session-not-found", "session-required",
			"token-not-found", "not-pending", "invalid-transition", "invalid-role", "invalid-user", "not-verified",
			"report-closed", "report-not-found", "company-staff-only", "customer-not-found", "not-allowed");

	private PageErrors() {
	}

	static FormErrors none() {
		return FormErrors.none(PREFIX, KNOWN_PROBLEMS);
	}

	static FormErrors of(BindingResult binding) {
		return FormErrors.of(binding, PREFIX, KNOWN_PROBLEMS);
	}

	/** A refusal beside its field; a refused new password lists every rule it breaks. */
	static FormErrors refused(FormErrors errors, IdentityException refusal, String defaultField) {
		if (refusal instanceof PasswordRefused password) {
			password.problems().forEach(key -> errors.add("newPassword", key));
			return errors;
		}
		return errors.refused(refusal, defaultField);
	}

	static String messageKey(IdentityException refusal) {
		return none().problemKey(refusal);
	}
}
