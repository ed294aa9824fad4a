package portal.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.identity.signin.Reauthentications;

/**
 * Confirms that the signed-in person is present before a sensitive action of another module
 * (a termination request, say): their current password and a fresh one-time code. Refuses
 * API tokens; a failure is an {@link IdentityException} with status 403.
 */
@Service
public class PresenceConfirmation {

	private final Reauthentications reauthentications;

	PresenceConfirmation(Reauthentications reauthentications) {
		this.reauthentications = reauthentications;
	}

	@Transactional
	public void confirm(PortalUser user, String password, String code) {
		reauthentications.confirm(user, new Reauthentication(password, code));
	}
}
