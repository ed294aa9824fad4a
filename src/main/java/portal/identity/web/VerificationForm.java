package portal.identity.web;

import java.util.List;

import portal.identity.lostcredentials.VerificationMethod;

/** How the desk verified a reporting person out of band: a known method and a note. */
record VerificationForm(String method, String note) {

	static final List<String> FIELDS = List.of("method", "note", PageErrors.FORM);

	static VerificationForm empty() {
		return new VerificationForm("", "");
	}

	VerificationMethod chosen() {
		return VerificationMethod.of(method).orElse(null);
	}
}
