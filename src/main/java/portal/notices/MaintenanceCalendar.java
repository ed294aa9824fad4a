package portal.notices;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * The maintenance calendar: the planned windows a person has been told of, as JSON
 * or as an RFC 5545 feed. Each window's UID is its notice's id, stable across edits, and its
 * SEQUENCE the notice's revision, so calendar apps update the event rather than add one.
 * A per-person feed token lets a calendar app subscribe without signing in; it is revocable.
 */
@Service
public class MaintenanceCalendar {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Inbox inbox;

	private final NoticeBoard board;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	private final String baseUrl;

	MaintenanceCalendar(Inbox inbox, NoticeBoard board, JdbcClient jdbc, Tenancy tenancy, Clock clock,
			@Value("${portal.base-url}") String baseUrl) {
		this.inbox = inbox;
		this.board = board;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** A freshly issued feed token and the address a calendar app subscribes to; shown once. */
	public record FeedAddress(String token, String url) {
	}

	/**
	 * What the person's maintenance page shows: windows not yet over, soonest first; windows
	 * that ended within the past week, latest first; and whether a feed address is active.
	 */
	public record Overview(List<Window> upcoming, List<Window> recent, boolean feedActive) {
	}

	/** A planned window as the calendar shows it. */
	public record Window(UUID id, String title, String description, Instant start, Instant end, List<String> services,
			int revision) {

		/** When the window is over; a window announced without an end counts as one hour long. */
		public Instant effectiveEnd() {
			return end == null ? start.plus(Duration.ofHours(1)) : end;
		}

		boolean endsBy(Instant now) {
			return !effectiveEnd().isAfter(now);
		}
	}

	/** The person's announced maintenance windows from a week ago on, soonest first. */
	public List<Window> windows(String loginId, Locale locale) {
		Instant since = clock.instant().minus(Duration.ofDays(7));
		return inbox.entries(loginId, false, Kind.MAINTENANCE, locale, 500).stream()
			.filter(entry -> entry.eventStart() != null)
			.filter(entry -> !(entry.eventEnd() == null ? entry.eventStart() : entry.eventEnd()).isBefore(since))
			.sorted(java.util.Comparator.comparing(InboxEntry::eventStart))
			.map(entry -> new Window(entry.id(), entry.title(), entry.body(), entry.eventStart(), entry.eventEnd(),
					entry.relevantServices(), board.find(entry.id()).map(NoticeView::revision).orElse(0)))
			.toList();
	}

	/** The person's windows split into upcoming and recent, with the state of their feed. */
	@Transactional(readOnly = true)
	public Overview overview(String loginId, Locale locale) {
		Instant now = clock.instant();
		List<Window> all = windows(loginId, locale);
		List<Window> recent = all.stream().filter(window -> window.endsBy(now))
			.sorted(java.util.Comparator.comparing(Window::effectiveEnd).reversed())
			.toList();
		return new Overview(all.stream().filter(window -> !window.endsBy(now)).toList(), recent, hasFeed(loginId));
	}

	/** Whether the person has a current feed token. */
	@Transactional(readOnly = true)
	public boolean hasFeed(String loginId) {
		return jdbc.sql("SELECT count(*) FROM notices.calendar_feeds WHERE login_id = ?").param(loginId)
			.query(Integer.class).single() > 0;
	}

	/** The windows as an iCalendar feed. */
	public String ics(String loginId, Locale locale) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Customer Portal//Maintenance calendar//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		for (Window window : windows(loginId, locale)) {
			VEvent event = new VEvent(window.start(), window.effectiveEnd(), window.title());
			event.add(new Uid(window.id() + "@customer-portal"));
			event.add(new Sequence(window.revision()));
			event.add(new DtStamp(clock.instant()));
			String services = window.services().isEmpty() ? "" : "\n\n" + String.join(", ", window.services());
			event.add(new Description(window.description() + services));
			calendar.add(event);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/** Issues (or replaces) the person's feed token with the address to subscribe to; shown once. */
	@Transactional
	public FeedAddress issueFeed(String loginId, UUID customerId) {
		String token = issueFeedToken(loginId, customerId);
		return new FeedAddress(token, baseUrl + "/api/v1/maintenance.ics?token=" + token);
	}

	/** Issues (or replaces) the person's feed token; shown once. */
	@Transactional
	public String issueFeedToken(String loginId, UUID customerId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO notices.calendar_feeds (login_id, customer_id, token_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (login_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
			.params(loginId, customerId, hash(token), Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	@Transactional
	public void revokeFeedToken(String loginId) {
		jdbc.sql("DELETE FROM notices.calendar_feeds WHERE login_id = ?").param(loginId).update();
	}

	/** The feed of the person a token belongs to, if the token is current. */
	public Optional<String> feed(String token, Locale locale) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		record Owner(String loginId, UUID customerId) {
		}
		Optional<Owner> owner = tenancy.call(Actor.job("calendar-feed"), TenantScope.system(), () -> jdbc
			.sql("SELECT login_id, customer_id FROM notices.calendar_feeds WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Owner(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional());
		return owner.map(found -> tenancy.call(found.customerId() == null ? Actor.staff(found.loginId())
				: Actor.user(found.loginId()),
				found.customerId() == null ? TenantScope.allCustomers() : TenantScope.customer(found.customerId()),
				() -> ics(found.loginId(), locale)));
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
