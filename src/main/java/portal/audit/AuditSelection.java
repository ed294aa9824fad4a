package portal.audit;

import java.util.List;

/**
 * Which entries of the reader's trail to show: those about one target (type and id; a blank
 * id means every target of that type), whose action is one of {@code actions} (empty: any),
 * one page of them, newest first. Pages start at 0 and hold at most {@link AuditQuery#MAX_SIZE}.
 */
public record AuditSelection(String targetType, String targetId, List<String> actions, int page, int size) {

	public AuditSelection {
		if (targetType == null || targetType.isBlank()) {
			throw new IllegalArgumentException("targetType must be given");
		}
		targetId = targetId == null ? "" : targetId;
		actions = actions == null ? List.of() : List.copyOf(actions);
		if (page < 0) {
			throw new IllegalArgumentException("page must not be negative");
		}
		if (size < 1 || size > AuditQuery.MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + AuditQuery.MAX_SIZE);
		}
	}

	/** Entries about every target of a type, of the given actions. */
	public static AuditSelection ofType(String targetType, List<String> actions, int page, int size) {
		return new AuditSelection(targetType, "", actions, page, size);
	}

	/** Entries about one target, of the given actions. */
	public static AuditSelection about(String targetType, String targetId, List<String> actions, int page, int size) {
		if (targetId == null || targetId.isBlank()) {
			throw new IllegalArgumentException("targetId must be given");
		}
		return new AuditSelection(targetType, targetId, actions, page, size);
	}
}
