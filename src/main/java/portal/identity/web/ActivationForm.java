package portal.identity.web;

import java.util.List;

/** What a person enters on the activation page; the passwords and code are never shown back. */
record ActivationForm(String password, String passwordRepeat, String code, Boolean acceptTerms,
		Integer termsVersion) {

	static final List<String> FIELDS = List.of("password", "passwordRepeat", "code", "acceptTerms");

	static ActivationForm empty() {
		return new ActivationForm(null, null, null, false, null);
	}

	// Public because templates call it; the expression language sees only public methods.
	public boolean accepted() {
		return Boolean.TRUE.equals(acceptTerms);
	}

	/** The form as the page shows it again after an error: only the terms choice survives. */
	ActivationForm withoutSecrets() {
		return new ActivationForm(null, null, null, acceptTerms, termsVersion);
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
