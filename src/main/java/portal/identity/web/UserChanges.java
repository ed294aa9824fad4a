package portal.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import portal.audit.AuditEntry;
import portal.audit.AuditPage;
import portal.audit.AuditQuery;
import portal.audit.AuditTrail;

/**
 * "Who changed what" for a customer's administrators: the trail's entries about
 * users, newest first. The trail itself keeps each reader inside their own customer.
 */
@Component
class UserChanges {

	/** The actions the page offers as a filter, in the order people think of them. */
	static final List<String> ACTIONS = List.of("user.added", "user.activated", "user.contact-changed",
			"user.roles-changed", "user.disabled", "user.enabled", "user.credentials-reported-lost", "user.reset",
			"user.reactivated", "user.activation-resent", "user.password-changed", "user.removed", "user.withdrew");

	// Without an action to filter by, the trail is read a page at a time and sifted; this
	// bounds how far back that goes, so one page view never reads the whole trail.
	private static final int MAX_PAGES_SCANNED = 25;

	private final AuditTrail audit;

	UserChanges(AuditTrail audit) {
		this.audit = audit;
	}

	/** The newest changes to users, of one action when {@code action} is one of {@link #ACTIONS}. */
	List<AuditEntry> recent(String action, int limit) {
		if (ACTIONS.contains(action)) {
			return audit.find(new AuditQuery(null, action, null, null, null, 0, Math.min(limit, AuditQuery.MAX_SIZE)))
				.entries();
		}
		return scan(entry -> entry.action().startsWith("user."), limit);
	}

	/** The newest changes to one user. */
	List<AuditEntry> about(String loginId, int limit) {
		return scan(entry -> entry.action().startsWith("user.") && loginId.equals(entry.targetId()), limit);
	}

	private List<AuditEntry> scan(Predicate<AuditEntry> wanted, int limit) {
		List<AuditEntry> found = new ArrayList<>();
		for (int page = 0; page < MAX_PAGES_SCANNED && found.size() < limit; page++) {
			AuditPage batch = audit.find(new AuditQuery(null, null, null, null, null, page, AuditQuery.MAX_SIZE));
			batch.entries().stream().filter(wanted).limit(limit - found.size()).forEach(found::add);
			if ((long) (page + 1) * AuditQuery.MAX_SIZE >= batch.total()) {
				break;
			}
		}
		return found;
	}
}
