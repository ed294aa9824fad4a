package portal.identity.web;

import java.util.List;

import org.springframework.stereotype.Component;
import portal.audit.AuditHistory;
import portal.audit.AuditSelection;

/**
 * "Who changed what" for a customer's administrators: the trail's entries about
 * users, newest first, a page at a time. The audit module returns exactly the page shown,
 * so the oldest change stays as reachable as the newest; it keeps each reader inside their
 * own customer.
 */
@Component
class UserChanges {

	/** The actions the page offers as a filter, in the order people think of them. */
	static final List<String> ACTIONS = List.of("user.added", "user.activated", "user.contact-changed",
			"user.roles-changed", "user.disabled", "user.enabled", "user.credentials-reported-lost", "user.reset",
			"user.reactivated", "user.activation-resent", "user.password-changed", "user.sessions-ended",
			"user.removed", "user.withdrew");

	private static final String TARGET_TYPE = "user";

	private final AuditHistory history;

	UserChanges(AuditHistory history) {
		this.history = history;
	}

	/** A page of the changes to every user, of one action when {@code action} is one of {@link #ACTIONS}. */
	ChangesPage recent(String action, int page, int size) {
		List<String> actions = ACTIONS.contains(action) ? List.of(action) : ACTIONS;
		return ChangesPage.of(history.select(AuditSelection.ofType(TARGET_TYPE, actions, Math.max(page, 0), size)));
	}

	/** A page of the changes to one user. */
	ChangesPage about(String loginId, int page, int size) {
		return ChangesPage.of(
				history.select(AuditSelection.about(TARGET_TYPE, loginId, ACTIONS, Math.max(page, 0), size)));
	}
}
