package portal.notices;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice as staff see it in the console: its content and where it stands.
 *
 * @param state {@code scheduled} (may still change), {@code published} or {@code cancelled}
 * @param revision how often it was edited or cancelled; the calendar's sequence number
 */
public record NoticeView(UUID id, String key, NoticeDraft content, String state, int revision) {

	static NoticeView of(Notice notice, Instant now) {
		String state = notice.cancelledAt() != null ? "cancelled" : notice.isPublished(now) ? "published" : "scheduled";
		return new NoticeView(notice.id, notice.key, notice.draft(), state, notice.revision());
	}

	public boolean editable() {
		return "scheduled".equals(state);
	}
}
