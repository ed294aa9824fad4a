package portal.notices;

import java.time.Instant;
import java.util.Set;

import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;

/**
 * What staff write when they compose or edit a notice: the same content a module's
 * {@link portal.notices.events.NoticeRequested} carries, plus whether a maintenance window
 * is an emergency that may be announced with less than the usual notice.
 *
 * @param publishAt when it becomes visible; null for at once
 */
public record NoticeDraft(Kind kind, Audience audience, String titleEn, String bodyEn, String titleJa, String bodyJa,
		Instant publishAt, Instant eventStart, Instant eventEnd, Set<String> relevantServices, boolean emergency) {

	public NoticeDraft {
		relevantServices = relevantServices == null ? Set.of() : Set.copyOf(relevantServices);
	}
}
