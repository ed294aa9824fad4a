package portal.platform.session;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store writes a session back only when it changed or its stored last access is
 * older than the touch interval, answers a request's second read from what that request
 * saved, and still refuses a session idle past its timeout.
 */
@PortalIntegrationTest
@DisplayName("ASVS 7.3 The session store writes last access at most once per touch interval and keeps the idle timeout")
class TouchThrottledSessionsIntegrationTests {

	@Autowired
	TouchThrottledSessions sessions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void requestEnds() {
		sessions.requestEnded();
	}

	@Test
	@DisplayName("ASVS 7.3 a read that only moves last access within the touch interval writes nothing; past it, writes")
	void lastAccessIsWrittenAtMostOncePerTouchInterval() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		created.setAttribute("probe", "value");
		sessions.save(created);
		sessions.requestEnded();
		long stored = storedLastAccess(created.getId());

		TouchThrottledSessions.TrackedSession read = sessions.findById(created.getId());
		read.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(5));
		sessions.save(read);
		sessions.requestEnded();
		assertThat(storedLastAccess(created.getId())).isEqualTo(stored);

		TouchThrottledSessions.TrackedSession later = sessions.findById(created.getId());
		later.setLastAccessedTime(Instant.ofEpochMilli(stored).plus(Duration.ofMinutes(2)));
		sessions.save(later);
		sessions.requestEnded();
		assertThat(storedLastAccess(created.getId())).isEqualTo(stored + Duration.ofMinutes(2).toMillis());
	}

	@Test
	@DisplayName("ASVS 7.3 a change to the session is written at once, whatever the touch interval")
	void changesAreWrittenAtOnce() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		sessions.save(created);
		sessions.requestEnded();

		TouchThrottledSessions.TrackedSession read = sessions.findById(created.getId());
		read.setAttribute("changed", "yes");
		sessions.save(read);
		sessions.requestEnded();

		assertThat(sessions.findById(created.getId()).<String>getAttribute("changed")).isEqualTo("yes");
	}

	@Test
	@DisplayName("ASVS 7.3 two requests of one session adding the same attribute at once both succeed, the later value kept")
	void sameAttributeAddedByTwoRequestsAtOnce() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		sessions.save(created);
		sessions.requestEnded();

		TouchThrottledSessions.TrackedSession first = sessions.findById(created.getId());
		sessions.requestEnded();
		TouchThrottledSessions.TrackedSession second = sessions.findById(created.getId());
		sessions.requestEnded();
		first.setAttribute("token", "from the first request");
		second.setAttribute("token", "from the second request");
		sessions.save(first);
		sessions.requestEnded();
		sessions.save(second);
		sessions.requestEnded();

		assertThat(sessions.findById(created.getId()).<String>getAttribute("token")).isEqualTo("from the second request");
	}

	@Test
	@DisplayName("ASVS 7.3 a session idle past its timeout is refused")
	void sessionIdlePastItsTimeoutIsRefused() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		created.setMaxInactiveInterval(Duration.ofMinutes(30));
		created.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
		sessions.save(created);
		sessions.requestEnded();

		assertThat(sessions.findById(created.getId())).isNull();
	}

	@Test
	@DisplayName("ASVS 7.3 a request's second read comes from what it saved; the next request reads the database")
	void secondReadOfARequestComesFromMemoryOnly() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		sessions.save(created);
		sessions.requestEnded();

		TouchThrottledSessions.TrackedSession read = sessions.findById(created.getId());
		sessions.save(read);
		// Another node signs the session out meanwhile.
		jdbc.sql("DELETE FROM platform.spring_session WHERE session_id = ?").param(created.getId()).update();
		assertThat(sessions.findById(created.getId())).isSameAs(read);

		sessions.requestEnded();
		assertThat(sessions.findById(created.getId())).isNull();
	}

	@Test
	@DisplayName("ASVS 7.3 a session deleted in this request is not answered from memory")
	void deletedSessionIsNotAnsweredFromMemory() {
		TouchThrottledSessions.TrackedSession created = sessions.createSession();
		sessions.save(created);
		sessions.deleteById(created.getId());

		assertThat(sessions.findById(created.getId())).isNull();
	}

	private long storedLastAccess(String id) {
		return jdbc.sql("SELECT last_access_time FROM platform.spring_session WHERE session_id = ?").param(id)
			.query(Long.class).single();
	}
}
