package portal.identity.web;

import java.util.List;

/** The acting person's current password and a fresh one-time code, before a sensitive action. */
record ReauthenticationForm(String currentPassword, String code) {

	static final List<String> FIELDS = List.of(PageErrors.REAUTHENTICATION, PageErrors.FORM);

	boolean complete() {
		return currentPassword != null && !currentPassword.isBlank() && code != null && !code.isBlank();
	}
}
