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

	private static final java.util.regex.Pattern PORTAL_LINK = java.util.regex.Pattern.compile("(/portal-page/\\S+)");

	/** A link to a Portal Page the body names (an amended document's changes, say), if any. */
	public java.util.Optional<String> link() {
		java.util.regex.Matcher matcher = PORTAL_LINK.matcher(body);
		return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
	}

	public boolean unread() {
		return readAt == null;
	}

	/** The language the entry is shown in. */
	public Locale language() {
		return translated ? Locale.JAPANESE : Locale.ENGLISH;
	}
}
