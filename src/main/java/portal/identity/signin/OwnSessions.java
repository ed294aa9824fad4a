package portal.identity.signin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;

/**
 * A person's own sessions across the cluster: see them, end one (a device left signed in) or
 * all the others. Ending needs the person's password and a fresh one-time code again (ASVS
 * 7.5.2): whoever holds a stolen session must not be able to sign the owner out everywhere.
 */
@Service
public class OwnSessions {

	private final UserSessions sessions;

	private final Reauthentications reauthentications;

	private final AuditTrail audit;

	OwnSessions(UserSessions sessions, Reauthentications reauthentications, AuditTrail audit) {
		this.sessions = sessions;
		this.reauthentications = reauthentications;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<SessionSummary> of(PortalUser user, String currentSessionId) {
		return sessions.of(user.loginId(), currentSessionId);
	}

	/** Ends one of the person's sessions, named by its handle, once they confirmed it is them. */
	@Transactional
	public void end(PortalUser user, String handle, Reauthentication given) {
		reauthentications.confirm(user, given);
		if (!sessions.end(user.loginId(), handle)) {
			throw new IdentityException("session-not-found", HttpStatus.NOT_FOUND, "There is no such session.");
		}
		audit.record(AuditRecord.of("session.ended", "user", user.loginId()).forCustomer(user.customerId()));
	}

	/** Ends every session of the person's but the current one, once they confirmed it is them; how many. */
	@Transactional
	public int endOthers(PortalUser user, String currentSessionId, Reauthentication given) {
		reauthentications.confirm(user, given);
		int ended = sessions.endAllExcept(user.loginId(), currentSessionId);
		audit.record(AuditRecord.of("session.others-ended", "user", user.loginId())
			.forCustomer(user.customerId())
			.with("sessions", ended));
		return ended;
	}
}
