package portal.identity.signin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import portal.identity.credentials.Secrets;

/**
 * A person's sessions across the cluster (ASVS 7.4), found by login ID in the shared
 * session store. Session ids are secrets, so people see and name a session by a short
 * digest of its id instead.
 */
@Component
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public List<SessionSummary> of(String loginId, String currentSessionId) {
		return sessions.findByPrincipalName(loginId).values().stream()
			.map(session -> new SessionSummary(handle(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(), session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionSummary::lastAccessedAt).reversed())
			.toList();
	}

	/** Ends one session of the person's, named by its handle; false if there is none. */
	public boolean end(String loginId, String handle) {
		for (Map.Entry<String, ? extends Session> entry : sessions.findByPrincipalName(loginId).entrySet()) {
			if (handle(entry.getKey()).equals(handle)) {
				sessions.deleteById(entry.getKey());
				return true;
			}
		}
		return false;
	}

	public int endAllExcept(String loginId, String keptSessionId) {
		var others = sessions.findByPrincipalName(loginId).keySet().stream()
			.filter(id -> !id.equals(keptSessionId))
			.toList();
		others.forEach(sessions::deleteById);
		return others.size();
	}

	public int endAll(String loginId) {
		var all = sessions.findByPrincipalName(loginId).keySet();
		all.forEach(sessions::deleteById);
		return all.size();
	}

	static String handle(String sessionId) {
		return HexFormat.of().formatHex(Secrets.digest(sessionId)).substring(0, 16);
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
