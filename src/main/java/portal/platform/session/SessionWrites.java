package portal.platform.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sessions in PostgreSQL (Spring Session JDBC), read on every signed-in request but written
 * only when they changed, or when their last access was last stored more than
 * {@code portal.session.touch-interval} ago (60 s by default; {@code 0s} writes on every
 * request). The idle timeout therefore counts from a last access at most that much older
 * than the real one. The session store is configured here rather than by Spring Boot,
 * which steps back as soon as another session repository exists. Session ids carry 256
 * random bits ({@link RandomSessionIds}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionWrites {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStoreSettings(
			@Value("${spring.session.jdbc.table-name}") String tableName,
			@Value("${spring.session.timeout}") Duration idleTimeout) {
		return sessions -> {
			sessions.setTableName(tableName);
			sessions.setDefaultMaxInactiveInterval(idleTimeout);
			sessions.setSessionIdGenerator(new RandomSessionIds());
		};
	}

	@Bean
	@Primary
	TouchThrottledSessions touchThrottledSessions(JdbcIndexedSessionRepository sessions,
			@Value("${portal.session.touch-interval:60s}") Duration touchInterval) {
		return new TouchThrottledSessions(sessions, touchInterval);
	}
}
