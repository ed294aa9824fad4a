package portal.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import portal.platform.PortalPrincipal;

/**
 * Times shown to the person making the current request, in their zone and language; pages
 * use it as {@code ${@times.dateTime(instant)}} and keep the instant itself in
 * {@code <time datetime>}. The zone is resolved once per request: the one chosen in the
 * person's profile, else the browser's own (reported by a script in the
 * {@value TimeZones#BROWSER_COOKIE} cookie, ignored when it names no known zone), else UTC.
 * Outside a request (jobs, mails) it is UTC; mails use {@link TimeFormat} with the recipient's zone.
 */
@Component("times")
public class Times {

	private static final String RESOLVED = Times.class.getName() + ".zone";

	private final List<PreferredZones> preferred;

	private final Clock clock;

	Times(List<PreferredZones> preferred, Clock clock) {
		this.preferred = List.copyOf(preferred);
		this.clock = clock;
	}

	/** The zone of the current request's person. */
	public ZoneId zone() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return ZoneId.of("UTC");
		}
		HttpServletRequest request = servlet.getRequest();
		Object resolved = request.getAttribute(RESOLVED);
		if (resolved instanceof ZoneId zone) {
			return zone;
		}
		ZoneId zone = chosen().or(() -> browserZone(request)).orElse(ZoneId.of("UTC"));
		request.setAttribute(RESOLVED, zone);
		return zone;
	}

	/** The formatting of the current request: its person's zone and the page's language. */
	public TimeFormat format() {
		return new TimeFormat(zone(), LocaleContextHolder.getLocale());
	}

	/** The current request's zone with another language (a notice shown in its own language, say). */
	public TimeFormat format(Locale locale) {
		return new TimeFormat(zone(), locale);
	}

	public String dateTime(TemporalAccessor value) {
		return format().dateTime(value);
	}

	public String date(TemporalAccessor value) {
		return format().date(value);
	}

	public String time(TemporalAccessor value) {
		return format().time(value);
	}

	/** The zone's short name now, e.g. {@code JST}. */
	public String zoneName() {
		return format().zoneName(clock.instant());
	}

	public String zoneId() {
		return zone().getId();
	}

	/** A text's embedded UTC instants shown in the person's zone, in the given language. */
	public String text(String text, Locale locale) {
		return format(locale).text(text);
	}

	public String text(String text) {
		return format().text(text);
	}

	public String inputValue(Instant instant) {
		return format().inputValue(instant);
	}

	public String dateValue(Instant instant) {
		return format().dateValue(instant);
	}

	/** A {@code datetime-local} value meant in the person's zone; see {@link TimeFormat#parseInput}. */
	public Optional<Instant> parseInput(String value) {
		return format().parseInput(value);
	}

	public Instant startOf(LocalDate day) {
		return format().startOf(day);
	}

	private Optional<ZoneId> chosen() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			return Optional.empty();
		}
		return preferred.stream().map(zones -> zones.of(principal)).flatMap(Optional::stream).findFirst();
	}

	static Optional<ZoneId> browserZone(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		// The prefixed cookie (set over HTTPS) wins over a plain one left from an HTTP visit.
		Optional<ZoneId> plain = Optional.empty();
		for (Cookie cookie : cookies) {
			if (TimeZones.SECURE_BROWSER_COOKIE.equals(cookie.getName())) {
				Optional<ZoneId> zone = decoded(cookie.getValue()).flatMap(TimeZones::parse);
				if (zone.isPresent()) {
					return zone;
				}
			}
			else if (TimeZones.BROWSER_COOKIE.equals(cookie.getName()) && plain.isEmpty()) {
				plain = decoded(cookie.getValue()).flatMap(TimeZones::parse);
			}
		}
		return plain;
	}

	// Whatever a client sends is ignored unless it decodes to a known zone name.
	private static Optional<String> decoded(String value) {
		if (value == null || value.length() > 100) {
			return Optional.empty();
		}
		try {
			return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}
}
