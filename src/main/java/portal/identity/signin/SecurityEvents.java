package portal.identity.signin;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.SecurityRefused;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Security events in the audit trail (ASVS 16.3): sign-outs, sessions ended by their time
 * limits, refused access, refused CSRF tokens, failed activations. Refusals are capped so
 * that a flood cannot flood the trail: per actor, action and minute the first is recorded
 * and the rest are counted, and the next entry of that kind says how many were left out.
 */
@Component
public class SecurityEvents {

	private static final int MAX_TRACKED = 10_000;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final Clock clock;

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	SecurityEvents(AuditTrail audit, Tenancy tenancy, Clock clock) {
		this.audit = audit;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	private record Window(long minute, AtomicInteger suppressed) {
	}

	/** Records a security event, or counts it when the same actor had one of the kind this minute. */
	public void record(Actor actor, String origin, String action, String target, Map<String, Object> details) {
		long minute = clock.millis() / 60_000;
		String key = actor.id() + "|" + origin + "|" + action;
		if (windows.size() > MAX_TRACKED) {
			// Forgetting costs at most one more entry per key; the cap per minute still holds afterwards.
			windows.clear();
		}
		Window current = windows.get(key);
		if (current != null && current.minute() == minute) {
			current.suppressed().incrementAndGet();
			return;
		}
		Window previous = windows.put(key, new Window(minute, new AtomicInteger()));
		AuditRecord record = AuditRecord.of(action, "security", target == null ? "" : target);
		for (Map.Entry<String, Object> detail : details.entrySet()) {
			record = record.with(detail.getKey(), detail.getValue());
		}
		if (previous != null && previous.suppressed().get() > 0) {
			record = record.with("repeatsNotRecorded", previous.suppressed().get());
		}
		AuditRecord entry = record;
		tenancy.call(new Tenancy.Context(actor, TenantScope.system(), origin), () -> {
			audit.record(entry);
			return null;
		});
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		actorOf(event.getAuthentication()).ifPresent(actor -> record(actor, origin(), "session.signed-out",
				actor.id(), Map.of()));
	}

	@EventListener
	void accessDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		// Visitors are sent to the sign-in page; only refusals of signed-in principals are news.
		actorOf(authentication).ifPresent(actor -> record(actor, origin(), "access.refused", actor.id(),
				Map.of("resource", resourceOf(event.getObject()))));
	}

	@EventListener
	void refused(SecurityRefused event) {
		record(tenancy.actor(), event.origin(), "csrf.refused", event.path(), Map.of("reason", event.reason()));
	}

	private String origin() {
		return tenancy.current().origin();
	}

	private static java.util.Optional<Actor> actorOf(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(principal.actor());
	}

	private static String resourceOf(Object object) {
		if (object instanceof jakarta.servlet.http.HttpServletRequest request) {
			return request.getMethod() + " " + request.getRequestURI();
		}
		if (object instanceof org.springframework.security.web.access.intercept.RequestAuthorizationContext context) {
			return context.getRequest().getMethod() + " " + context.getRequest().getRequestURI();
		}
		if (object instanceof org.aopalliance.intercept.MethodInvocation invocation) {
			return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
		}
		return object == null ? "" : object.getClass().getSimpleName();
	}
}
