package portal.agreements.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import portal.agreements.AgreementRefusal;
import portal.platform.PortalFeature;

/**
 * A suspension of all or a part of the Portal Service, for one customer or for everyone
 * or the withdrawal of a part for everyone. It is in force while its
 * start has come and neither its end nor its early lifting has: a matter of time alone.
 */
public class Suspension {

	/** The features that can be suspended or withdrawn on their own. */
	public static final Set<PortalFeature> SUSPENDABLE = EnumSet.of(PortalFeature.SERVICES, PortalFeature.USAGE,
			PortalFeature.ORDERING, PortalFeature.USER_ADMINISTRATION, PortalFeature.DOCUMENTS);

	private final UUID id;
	private final UUID customerId;
	private final SuspensionScope scope;
	private final PortalFeature feature;
	private final String relevantService;
	private final SuspensionReason reason;
	private final SuspensionKind kind;
	private final String note;
	private final Instant announcedAt;
	private final Instant startsAt;
	private final Instant endsAt;
	private final Instant cureDeadline;
	private Instant liftedAt;
	private String liftedBy;
	private final String createdBy;

	Suspension(UUID id, UUID customerId, SuspensionScope scope, PortalFeature feature, String relevantService,
			SuspensionReason reason, SuspensionKind kind, String note, Instant announcedAt, Instant startsAt,
			Instant endsAt, Instant cureDeadline, Instant liftedAt, String liftedBy, String createdBy) {
		this.id = id;
		this.customerId = customerId;
		this.scope = scope;
		this.feature = feature;
		this.relevantService = relevantService;
		this.reason = reason;
		this.kind = kind;
		this.note = note == null ? "" : note;
		this.announcedAt = announcedAt;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.cureDeadline = cureDeadline;
		this.liftedAt = liftedAt;
		this.liftedBy = liftedBy;
		this.createdBy = createdBy;
	}

	/** What staff ask for; {@link #announce} checks it against the rules. */
	public record Request(UUID customerId, SuspensionScope scope, PortalFeature feature, String relevantService,
			SuspensionReason reason, SuspensionKind kind, String note, Instant startsAt, Instant endsAt,
			Instant cureDeadline) {

		// The database keeps microseconds: a finer instant would round up, after the moment meant.
		public Request {
			startsAt = micros(startsAt);
			endsAt = micros(endsAt);
			cureDeadline = micros(cureDeadline);
		}

		private static Instant micros(Instant instant) {
			return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		}
	}

	/** The notice periods: planned suspensions and withdrawals. */
	public record Notice(Duration suspension, Duration withdrawal) {
	}

	/**
	 * Announces a suspension.
	 *
	 * @throws AgreementRefusal naming the field that breaks a rule
	 */
	public static Suspension announce(Request request, Notice notice, String actor, Instant now) {
		if (request.scope() == null) {
			throw AgreementRefusal.invalid("scope", "scope", "choose whole, feature or service.");
		}
		if (request.scope() == SuspensionScope.FEATURE
				&& (request.feature() == null || !SUSPENDABLE.contains(request.feature()))) {
			throw AgreementRefusal.invalid("feature", "feature",
					"choose one of the features that can be suspended: " + SUSPENDABLE + ".");
		}
		if (request.scope() == SuspensionScope.SERVICE
				&& (request.relevantService() == null || request.relevantService().isBlank())) {
			throw AgreementRefusal.invalid("relevantService", "service", "name the relevant service.");
		}
		if (request.kind() == null) {
			throw AgreementRefusal.invalid("kind", "kind", "choose planned, emergency, breach or withdrawal.");
		}
		if (request.reason() == null) {
			throw AgreementRefusal.invalid("reason", "suspension-reason",
					"choose one of Art. 11.1 (1)–(6) or Art. 12.1 (1)–(4).");
		}
		if (request.kind() == SuspensionKind.BREACH) {
			requireBreach(request, now);
		}
		else if (request.reason().breach()) {
			throw AgreementRefusal.invalid("kind", "kind-breach", "a reason of Art. 12.1 is a breach: choose kind breach.");
		}
		if (request.kind() == SuspensionKind.WITHDRAWAL && request.customerId() != null) {
			throw AgreementRefusal.invalid("customer", "withdrawal-all", "a part is withdrawn for every customer.");
		}
		Instant start = request.startsAt() == null ? now : request.startsAt();
		requireStart(request.kind(), start, notice, now);
		if (request.endsAt() != null && !request.endsAt().isAfter(start)) {
			throw AgreementRefusal.invalid("end", "end-before-start", "the end must come after the start.");
		}
		return new Suspension(UUID.randomUUID(), request.customerId(), request.scope(),
				request.scope() == SuspensionScope.FEATURE ? request.feature() : null,
				request.scope() == SuspensionScope.SERVICE ? request.relevantService().strip() : null, request.reason(),
				request.kind(), request.note(), now, start, request.endsAt(), request.cureDeadline(), null, null, actor);
	}

	private static void requireBreach(Request request, Instant now) {
		if (!request.reason().breach()) {
			throw AgreementRefusal.invalid("reason", "breach-reason", "a breach rests on one of Art. 12.1 (1)–(4).");
		}
		if (request.customerId() == null) {
			throw AgreementRefusal.invalid("customer", "breach-customer", "a breach concerns one customer.");
		}
		if (request.cureDeadline() == null || !request.cureDeadline().isAfter(now)) {
			throw AgreementRefusal.invalid("cureDeadline", "cure-deadline", "give a cure deadline in the future.");
		}
	}

	private static void requireStart(SuspensionKind kind, Instant start, Notice notice, Instant now) {
		// A minute of slack: a form filled in a moment ago says "now" with the time it was opened.
		if (start.isBefore(now.minus(Duration.ofMinutes(1)))) {
			throw AgreementRefusal.invalid("start", "start-past", "the start cannot be in the past.");
		}
		if (kind == SuspensionKind.PLANNED && start.isBefore(now.plus(notice.suspension()))) {
			throw AgreementRefusal.invalid("start", "start-notice", "a planned suspension starts at least "
					+ notice.suspension().toDays() + " days after its announcement; an emergency may start at once.");
		}
		if (kind == SuspensionKind.WITHDRAWAL && start.isBefore(now.plus(notice.withdrawal()))) {
			throw AgreementRefusal.invalid("start", "start-notice",
					"a withdrawal takes effect at least " + notice.withdrawal().toDays() + " days after its announcement.");
		}
	}

	/** Whether it is in force at the moment: started, not ended, not lifted. */
	public boolean inForceAt(Instant now) {
		return !startsAt.isAfter(now) && effectiveEnd().map(now::isBefore).orElse(true);
	}

	/** Whether it is over at the moment: ended or lifted. */
	public boolean overAt(Instant now) {
		return effectiveEnd().map(end -> !end.isAfter(now)).orElse(false);
	}

	/** When it actually ends: its end or its lifting, whichever comes first. */
	public Optional<Instant> effectiveEnd() {
		if (liftedAt == null) {
			return Optional.ofNullable(endsAt);
		}
		return Optional.of(endsAt == null || liftedAt.isBefore(endsAt) ? liftedAt : endsAt);
	}

	/** Whether it covers the feature of the relevant service (empty for none). */
	public boolean covers(PortalFeature routeFeature, String service) {
		return switch (scope) {
			case WHOLE -> routeFeature != PortalFeature.OPERATIONS;
			case FEATURE -> feature == routeFeature;
			case SERVICE -> relevantService.equals(service);
		};
	}

	/** Whether the cure deadline of a breach suspension has passed without it being lifted. */
	public boolean uncuredAt(Instant now) {
		return kind == SuspensionKind.BREACH && cureDeadline != null && !cureDeadline.isAfter(now)
				&& (liftedAt == null || liftedAt.isAfter(cureDeadline));
	}

	/** Lifts it early. */
	public void lift(String actor, Instant now) {
		if (overAt(now)) {
			throw AgreementRefusal.conflict("suspension-over", "id", "suspension-over",
					"The suspension is already over.", Map.of());
		}
		liftedAt = now;
		liftedBy = actor;
	}

	/** A short description for timelines and the trail. */
	public String describe() {
		String what = switch (scope) {
			case WHOLE -> "whole portal";
			case FEATURE -> "feature " + feature.name().toLowerCase();
			case SERVICE -> "relevant service " + relevantService;
		};
		return kind.code() + " suspension of the " + what + " (" + reason.code() + ")";
	}

	public UUID id() {
		return id;
	}

	public Optional<UUID> customerId() {
		return Optional.ofNullable(customerId);
	}

	public SuspensionScope scope() {
		return scope;
	}

	public Optional<PortalFeature> feature() {
		return Optional.ofNullable(feature);
	}

	public Optional<String> relevantService() {
		return Optional.ofNullable(relevantService);
	}

	public SuspensionReason reason() {
		return reason;
	}

	public SuspensionKind kind() {
		return kind;
	}

	public String note() {
		return note;
	}

	public Instant announcedAt() {
		return announcedAt;
	}

	public Instant startsAt() {
		return startsAt;
	}

	public Optional<Instant> endsAt() {
		return Optional.ofNullable(endsAt);
	}

	public Optional<Instant> cureDeadline() {
		return Optional.ofNullable(cureDeadline);
	}

	public Optional<Instant> liftedAt() {
		return Optional.ofNullable(liftedAt);
	}

	Optional<String> liftedBy() {
		return Optional.ofNullable(liftedBy);
	}

	String createdBy() {
		return createdBy;
	}
}
