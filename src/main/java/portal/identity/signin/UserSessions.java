package portal.identity.signin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc) {
		this.sessions = sessions;
		this.jdbc = jdbc;
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

	/**
	 * Ends every signed-in session of a customer's users but those of {@code keptLoginId}
	 * (the acting administrator, or none); the number ended. The accounts are read under the
	 * caller's tenant scope, so no other customer's sessions can be named. Every node reads
	 * sessions from the shared store on each request, so the end is immediate everywhere.
	 */
	public int endAllOfCustomer(UUID customerId, String keptLoginId) {
		return jdbc.sql("""
				DELETE FROM platform.spring_session WHERE principal_name IN (
					SELECT login_id FROM identity.accounts WHERE customer_id = :customer)
				AND principal_name IS DISTINCT FROM :kept""")
			.param("customer", customerId)
			.param("kept", keptLoginId)
			.update();
	}

	/** Ends every signed-in session of every person but {@code keptSessionId}; the number ended. */
	public int endEveryoneExcept(String keptSessionId) {
		return jdbc.sql("""
				DELETE FROM platform.spring_session
				WHERE principal_name IS NOT NULL AND session_id IS DISTINCT FROM :kept""")
			.param("kept", keptSessionId)
			.update();
	}

	static String handle(String sessionId) {
		return HexFormat.of().formatHex(Secrets.digest(sessionId)).substring(0, 16);
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
