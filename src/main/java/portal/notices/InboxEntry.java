package portal.notices;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import portal.notices.events.NoticeRequested.Kind;

/**
 * A published notice as one person sees it in their inbox: in their language where a
 * translation exists (then marked as one, R-23), with their read state.
 *
 * @param translated whether title and body are a translation of the authentic English text
 * @param readAt when the person first opened or marked it, or null while unread
 */
public record InboxEntry(UUID id, Kind kind, String title, String body, boolean translated, Instant publishedAt,
		Instant eventStart, Instant eventEnd, List<String> relevantServices, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

	/** The language the entry is shown in. */
	public Locale language() {
		return translated ? Locale.JAPANESE : Locale.ENGLISH;
	}
}
