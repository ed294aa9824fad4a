package portal.platform.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session store, writing a session back only when something in it changed (an
 * attribute, its id, its timeout) or its stored last access is older than the touch
 * interval. Without this, every signed-in request ends with a synchronous write and
 * commit of the session row just to move its last-access time.
 * <p>
 * Spring Session's filter commits a session twice in a request whose response was committed
 * early (once at the commit, once after the chain), and the second commit reads the session
 * again from the database only to learn its requested id. The session this request saved is
 * therefore answered from memory for the rest of the request ({@link #requestEnded} forgets
 * it); a later request reads the database as before.
 */
class TouchThrottledSessions implements FindByIndexNameSessionRepository<TouchThrottledSessions.TrackedSession> {

	private final FindByIndexNameSessionRepository<Session> sessions;

	private final Duration touchInterval;

	private final ThreadLocal<TrackedSession> savedInThisRequest = new ThreadLocal<>();

	@SuppressWarnings({ "unchecked", "rawtypes" })
	TouchThrottledSessions(JdbcIndexedSessionRepository sessions, Duration touchInterval) {
		// Its session type is not public: it is handled as a plain Session, which it is.
		this.sessions = (FindByIndexNameSessionRepository) sessions;
		this.touchInterval = touchInterval;
	}

	@Override
	public TrackedSession createSession() {
		return new TrackedSession(sessions.createSession(), true);
	}

	@Override
	public void save(TrackedSession session) {
		if (session.mustBeWritten(touchInterval)) {
			sessions.save(session.stored);
			session.written();
		}
		savedInThisRequest.set(session);
	}

	@Override
	public TrackedSession findById(String id) {
		TrackedSession saved = savedInThisRequest.get();
		if (saved != null && saved.getId().equals(id)) {
			return saved;
		}
		Session found = sessions.findById(id);
		return found == null ? null : new TrackedSession(found, false);
	}

	@Override
	public void deleteById(String id) {
		savedInThisRequest.remove();
		sessions.deleteById(id);
	}

	/** Forgets the session saved by the request ending on this thread. */
	void requestEnded() {
		savedInThisRequest.remove();
	}

	@Override
	public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, TrackedSession> found = new LinkedHashMap<>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new TrackedSession(session, false)));
		return found;
	}

	/** A stored session that remembers whether anything but its last-access time changed. */
	static final class TrackedSession implements Session {

		private final Session stored;

		private Instant storedLastAccess;

		private boolean changed;

		TrackedSession(Session stored, boolean isNew) {
			this.stored = stored;
			this.storedLastAccess = stored.getLastAccessedTime();
			this.changed = isNew;
		}

		boolean mustBeWritten(Duration touchInterval) {
			return changed || !stored.getLastAccessedTime().isBefore(storedLastAccess.plus(touchInterval));
		}

		void written() {
			changed = false;
			storedLastAccess = stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed = true;
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			stored.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}
