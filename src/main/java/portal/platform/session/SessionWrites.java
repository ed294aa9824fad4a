package portal.platform.session;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import portal.platform.database.UntenantedPool;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions in PostgreSQL (Spring Session JDBC), read on every signed-in request but written
 * only when they changed, or when their last access was last stored more than
 * {@code portal.session.touch-interval} ago (60 s by default; {@code 0s} writes on every
 * request). The idle timeout therefore counts from a last access at most that much older
 * than the real one. The session store is configured here rather than by Spring Boot,
 * which steps back as soon as another session repository exists. Session ids carry 256
 * random bits ({@link RandomSessionIds}). The session table is no tenant's: its statements
 * go straight to the pool ({@link UntenantedPool}) in transactions of their own, so reading
 * and writing a session never changes the tenant settings a connection carries, which cost
 * a round trip per request to set to none and back.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionWrites {

	// Not candidates for injection by type: only the session store asks for them, by qualifier.
	@Bean(defaultCandidate = false)
	@SpringSessionDataSource
	DataSource sessionDataSource(DataSource dataSource) {
		return UntenantedPool.of(dataSource);
	}

	@Bean(defaultCandidate = false)
	@SpringSessionTransactionManager
	PlatformTransactionManager sessionTransactions(@SpringSessionDataSource DataSource sessionDataSource) {
		return new JdbcTransactionManager(sessionDataSource);
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStoreSettings(
			@Value("${spring.session.jdbc.table-name}") String tableName,
			@Value("${spring.session.timeout}") Duration idleTimeout) {
		return sessions -> {
			sessions.setTableName(tableName);
			sessions.setDefaultMaxInactiveInterval(idleTimeout);
			sessions.setSessionIdGenerator(new RandomSessionIds());
			// After the table name, which resets every query: an attribute two requests of one
			// session add at the same moment (a new session's CSRF token) is an upsert, the later
			// value winning as any update does, instead of a duplicate key answered with a 500.
			new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
		};
	}

	/** Around Spring Session's filter: what a request saved is not kept past that request. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionRequestEnd(TouchThrottledSessions sessions) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						sessions.requestEnded();
						try {
							chain.doFilter(request, response);
						}
						finally {
							sessions.requestEnded();
						}
					}
				});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	@Bean
	@Primary
	TouchThrottledSessions touchThrottledSessions(JdbcIndexedSessionRepository sessions,
			@Value("${portal.session.touch-interval:60s}") Duration touchInterval) {
		return new TouchThrottledSessions(sessions, touchInterval);
	}
}
