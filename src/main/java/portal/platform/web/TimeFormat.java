package portal.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time as one person reads them: in their time zone, with English or Japanese
 * patterns, the zone's short name shown once: 1 Dec 2026, 09:00 JST or 2026年12月1日 9:00 JST.
 * Also reads what they type into {@code datetime-local} and {@code date} fields as meant in
 * their zone. Null in, empty text out, so templates need no guard for optional times.
 */
public record TimeFormat(ZoneId zone, Locale locale) {

	/** An ISO-8601 instant in UTC as {@link Instant#toString()} writes it, e.g. in a notice's text. */
	static final Pattern INSTANT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z\\b");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	public static final TimeFormat UTC_ENGLISH = new TimeFormat(ZoneId.of("UTC"), Locale.ENGLISH);

	public TimeFormat {
		Objects.requireNonNull(zone, "zone");
		locale = locale != null && "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
	}

	private boolean japanese() {
		return Locale.JAPANESE.equals(locale);
	}

	private String format(TemporalAccessor value, String english, String japanese) {
		if (value == null) {
			return "";
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(japanese() ? japanese : english, locale);
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return formatter.format(value);
		}
		return formatter.format(Instant.from(value).atZone(zone));
	}

	/** Date and time with the zone's short name. */
	public String dateTime(TemporalAccessor value) {
		return format(value, "d MMM yyyy, HH:mm z", "yyyy年M月d日 H:mm z");
	}

	/** The calendar day in the person's zone (a date alone is shown as it is). */
	public String date(TemporalAccessor value) {
		return format(value, "d MMM yyyy", "yyyy年M月d日");
	}

	/** The time of day with the zone's short name. */
	public String time(TemporalAccessor value) {
		return format(value, "HH:mm z", "H:mm z");
	}

	/** The zone's short name at a given time (summer time changes it), e.g. {@code JST}, for labels. */
	public String zoneName(Instant at) {
		return DateTimeFormatter.ofPattern("z", locale).format(at.atZone(zone));
	}

	/** The zone's IANA name, e.g. {@code Asia/Tokyo}. */
	public String zoneId() {
		return zone.getId();
	}

	/** Every UTC instant written in a text (as {@link Instant#toString()} does) shown as {@link #dateTime}. */
	public String text(String text) {
		if (text == null || text.indexOf('T') < 0) {
			return text;
		}
		Matcher matcher = INSTANT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			try {
				replacement = dateTime(Instant.parse(matcher.group()));
			}
			catch (DateTimeParseException notAnInstant) {
				replacement = matcher.group();
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The value of a {@code datetime-local} field showing the instant in the person's zone. */
	public String inputValue(Instant instant) {
		return instant == null ? "" : INPUT.format(instant.atZone(zone));
	}

	/** The value of a {@code date} field: the instant's day in the person's zone. */
	public String dateValue(Instant instant) {
		return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
	}

	/**
	 * What a {@code datetime-local} field holds, as meant in the person's zone. A time that
	 * does not exist there (skipped by summer time) moves forward by the gap; a time that
	 * happens twice means the earlier one. Blank is empty; anything else that is no
	 * {@code yyyy-MM-ddTHH:mm} throws {@link DateTimeParseException}.
	 */
	public Optional<Instant> parseInput(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(ZonedDateTime.of(LocalDateTime.parse(value.strip()), zone).toInstant());
	}

	/** The first instant of a day in the person's zone. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}
}
