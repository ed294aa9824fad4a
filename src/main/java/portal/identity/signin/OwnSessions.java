package portal.identity.signin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.IdentityException;
import portal.identity.PortalUser;

/** A person's own sessions across the cluster: see them, end one (a device left signed in). */
@Service
public class OwnSessions {

	private final UserSessions sessions;

	private final AuditTrail audit;

	OwnSessions(UserSessions sessions, AuditTrail audit) {
		this.sessions = sessions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<SessionSummary> of(PortalUser user, String currentSessionId) {
		return sessions.of(user.loginId(), currentSessionId);
	}

	@Transactional
	public void end(PortalUser user, String handle) {
		if (!sessions.end(user.loginId(), handle)) {
			throw new IdentityException("session-not-found", HttpStatus.NOT_FOUND, "There is no such session.");
		}
		audit.record(AuditRecord.of("session.ended", "user", user.loginId()).forCustomer(user.customerId()));
	}
}
