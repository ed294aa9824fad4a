package portal.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;

/**
 * A notice: its content, audience and publication time. Until it is published it may be
 * edited or cancelled; from its publication time on it never changes.
 */
class Notice {

	final UUID id;

	final String key;

	private Kind kind;

	private Audience audience;

	private String titleEn;

	private String bodyEn;

	private String titleJa;

	private String bodyJa;

	private Instant publishAt;

	private Instant eventStart;

	private Instant eventEnd;

	private Set<String> relevantServices;

	private boolean emergency;

	private Instant cancelledAt;

	private int revision;

	Notice(UUID id, String key, NoticeDraft draft, Instant cancelledAt, int revision) {
		this.id = id;
		this.key = key;
		this.cancelledAt = cancelledAt;
		this.revision = revision;
		apply(draft);
	}

	/** A notice another module asked for; its content was checked when it was published. */
	static Notice requested(NoticeRequested request, Instant now) {
		NoticeDraft draft = new NoticeDraft(request.kind(), request.audience(), request.titleEn(), request.bodyEn(),
				request.titleJa(), request.bodyJa(), request.publishAt() == null ? now : request.publishAt(),
				request.eventStart(), request.eventEnd(), request.relevantServices(), true);
		check(draft);
		return new Notice(UUID.randomUUID(), request.key(), draft, null, 0);
	}

	/**
	 * A notice staff compose. A maintenance window must be announced at least
	 * {@code minimumNotice} before it starts unless it is an emergency.
	 */
	static Notice composed(NoticeDraft draft, Instant now, Duration minimumNotice) {
		NoticeDraft dated = withPublication(draft, now);
		checkComposed(dated, now, minimumNotice);
		UUID id = UUID.randomUUID();
		return new Notice(id, "console:" + id, dated, null, 0);
	}

	void edit(NoticeDraft draft, Instant now, Duration minimumNotice) {
		requireUnpublished(now);
		NoticeDraft dated = withPublication(draft, now);
		checkComposed(dated, now, minimumNotice);
		apply(dated);
		revision++;
	}

	void cancel(Instant now) {
		requireUnpublished(now);
		cancelledAt = now;
		revision++;
	}

	boolean isPublished(Instant now) {
		return cancelledAt == null && !publishAt.isAfter(now);
	}

	private void requireUnpublished(Instant now) {
		if (cancelledAt != null || !publishAt.isAfter(now)) {
			throw NoticeRefusal.published();
		}
	}

	private static NoticeDraft withPublication(NoticeDraft draft, Instant now) {
		if (draft.publishAt() != null) {
			return draft;
		}
		return new NoticeDraft(draft.kind(), draft.audience(), draft.titleEn(), draft.bodyEn(), draft.titleJa(),
				draft.bodyJa(), now, draft.eventStart(), draft.eventEnd(), draft.relevantServices(), draft.emergency());
	}

	private static void checkComposed(NoticeDraft draft, Instant now, Duration minimumNotice) {
		check(draft);
		if (draft.publishAt().isBefore(now.minusSeconds(60))) {
			throw NoticeRefusal.invalid("publishAt", "The publication time is in the past.");
		}
		if (draft.kind() == Kind.MAINTENANCE && draft.eventStart() == null) {
			throw NoticeRefusal.invalid("eventStart", "A maintenance notice needs the start of the window.");
		}
		if (draft.kind() == Kind.MAINTENANCE && !draft.emergency()
				&& draft.publishAt().plus(minimumNotice).isAfter(draft.eventStart())) {
			throw NoticeRefusal.invalid("eventStart", "A planned window must be announced at least "
					+ minimumNotice.toDays() + " days before it starts, unless it is an emergency.");
		}
	}

	private static void check(NoticeDraft draft) {
		if (draft.kind() == null) {
			throw NoticeRefusal.invalid("kind", "A notice needs a kind.");
		}
		if (draft.audience() == null || draft.audience().scope() == null) {
			throw NoticeRefusal.invalid("audience", "A notice needs an audience.");
		}
		Audience audience = draft.audience();
		switch (audience.scope()) {
			case CUSTOMER -> require(audience.customerId() != null, "audience.customerId", "The audience needs a customer.");
			case ACCOUNTS -> require(!audience.accountIds().isEmpty(), "audience.accountIds",
					"The audience needs at least one account.");
			case CUSTOMER_ROLE -> {
				require(audience.customerId() != null, "audience.customerId", "The audience needs a customer.");
				require(audience.role() != null && !audience.role().isBlank(), "audience.role",
						"The audience needs a role.");
			}
			case RELEVANT_SERVICE -> require(audience.relevantService() != null && !audience.relevantService().isBlank(),
					"audience.relevantService", "The audience needs a relevant service.");
			default -> {
			}
		}
		require(hasText(draft.titleEn()), "titleEn", "The English title is empty.");
		require(hasText(draft.bodyEn()), "bodyEn", "The English body is empty.");
		require(draft.titleEn().length() <= 200, "titleEn", "The English title is longer than 200 characters.");
		require(draft.bodyEn().length() <= 20_000, "bodyEn", "The English body is longer than 20,000 characters.");
		require(hasText(draft.titleJa()) == hasText(draft.bodyJa()), hasText(draft.titleJa()) ? "bodyJa" : "titleJa",
				"A Japanese translation needs both a title and a body.");
		require(draft.eventEnd() == null || draft.eventStart() != null, "eventStart",
				"An event with an end needs a start.");
		require(draft.eventEnd() == null || draft.eventEnd().isAfter(draft.eventStart()), "eventEnd",
				"The event ends before it starts.");
	}

	private static void require(boolean condition, String field, String message) {
		if (!condition) {
			throw NoticeRefusal.invalid(field, message);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private void apply(NoticeDraft draft) {
		kind = draft.kind();
		audience = draft.audience();
		titleEn = draft.titleEn().strip();
		bodyEn = draft.bodyEn().strip();
		titleJa = hasText(draft.titleJa()) ? draft.titleJa().strip() : null;
		bodyJa = hasText(draft.bodyJa()) ? draft.bodyJa().strip() : null;
		publishAt = draft.publishAt();
		eventStart = draft.eventStart();
		eventEnd = draft.eventEnd();
		relevantServices = draft.relevantServices();
		emergency = draft.emergency();
	}

	NoticeDraft draft() {
		return new NoticeDraft(kind, audience, titleEn, bodyEn, titleJa, bodyJa, publishAt, eventStart, eventEnd,
				relevantServices, emergency);
	}

	Instant cancelledAt() {
		return cancelledAt;
	}

	int revision() {
		return revision;
	}
}
