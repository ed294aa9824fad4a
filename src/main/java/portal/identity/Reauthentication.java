package portal.identity;

/**
 * The current password and a fresh one-time code, given again before a sensitive action:
 * granting the administrator role, resetting a user, changing one's password.
 */
public record Reauthentication(String currentPassword, String code) {

	public static final Reauthentication NONE = new Reauthentication(null, null);

	/** Whether both were given at all; whether they are right is the service's to decide. */
	public boolean complete() {
		return currentPassword != null && !currentPassword.isEmpty() && code != null && !code.isBlank();
	}
}
