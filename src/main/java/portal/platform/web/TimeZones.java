package portal.platform.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time zones people may choose: the IANA region names the JDK knows (and {@code UTC}).
 * Offsets such as {@code +09:00} or {@code GMT+9} are not zones people live in, so they are
 * refused like any unknown name.
 */
public final class TimeZones {

	/** The cookie in which a page's script reports the browser's own zone. */
	public static final String BROWSER_COOKIE = "portal-tz";

	/** The same cookie as set by the script on an HTTPS page: {@code Secure; Path=/}, so prefixed. */
	public static final String SECURE_BROWSER_COOKIE = "__Host-" + BROWSER_COOKIE;

	private static final Set<String> NAMES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	static {
		NAMES.add("UTC");
	}

	private static final List<String> SORTED = NAMES.stream()
		.filter(name -> name.contains("/") || "UTC".equals(name))
		.filter(name -> !name.startsWith("SystemV/") && !name.startsWith("Etc/GMT"))
		.toList();

	private TimeZones() {
	}

	/** The zone of that name, when it is a known IANA name; anything else is empty. */
	public static Optional<ZoneId> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 64 || !NAMES.contains(trimmed)) {
			return Optional.empty();
		}
		return Optional.of(ZoneId.of(trimmed));
	}

	/** The names offered in pickers, sorted: region names and UTC, without legacy aliases. */
	public static List<String> names() {
		return SORTED;
	}
}
