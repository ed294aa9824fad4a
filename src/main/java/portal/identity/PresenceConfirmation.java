package portal.identity;

import org.springframework.stereotype.Service;
import portal.identity.profile.Profiles;

/**
 * Confirms that the signed-in person is present before a sensitive action of another module
 * (a termination request, say): their current password and a fresh one-time code. Refuses
 * API tokens; a failure is an {@link IdentityException} with status 403.
 */
@Service
public class PresenceConfirmation {

	private final Profiles profiles;

	PresenceConfirmation(Profiles profiles) {
		this.profiles = profiles;
	}

	public void confirm(PortalUser user, String password, String code) {
		profiles.reauthenticate(user, password, code);
	}
}
