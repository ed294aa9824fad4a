package portal.notices.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import portal.notices.NoticeDraft;
import portal.notices.NoticeView;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;

/**
 * The console's notice form. Times are local date-times in {@code zone} (empty publication
 * time: at once); the audience names one customer by code. Fields that do not parse are
 * collected by field name, so each message stands beside its field.
 */
record NoticeForm(String kind, String titleEn, String bodyEn, String titleJa, String bodyJa, String audience,
		String customerCode, String role, String audienceService, String publishAt, String eventStart, String eventEnd,
		String zone, List<String> relevantServices, Boolean emergency, String action) {

	static final List<String> AUDIENCES = List.of("EVERYONE", "ALL_CUSTOMERS", "CUSTOMER", "CUSTOMER_ROLE",
			"RELEVANT_SERVICE");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	NoticeForm {
		relevantServices = relevantServices == null ? List.of() : List.copyOf(relevantServices);
		zone = zone == null || zone.isBlank() ? "UTC" : zone.strip();
		// An unticked checkbox sends nothing.
		emergency = Boolean.TRUE.equals(emergency);
	}

	/** An empty form whose times are typed in the given zone (the writer's own). */
	static NoticeForm empty(ZoneId zone) {
		return new NoticeForm("GENERAL", "", "", "", "", "ALL_CUSTOMERS", "", "", "", "", "", "", zone.getId(), List.of(),
				false, null);
	}

	/** The notice's content as a form, its times shown in the given zone (the writer's own). */
	static NoticeForm of(NoticeView view, String customerCode, ZoneId zone) {
		NoticeDraft d = view.content();
		return new NoticeForm(d.kind().name(), d.titleEn(), d.bodyEn(), nz(d.titleJa()), nz(d.bodyJa()),
				d.audience().scope().name(), nz(customerCode), nz(d.audience().role()), nz(d.audience().relevantService()),
				local(d.publishAt(), zone), local(d.eventStart(), zone), local(d.eventEnd(), zone), zone.getId(),
				new ArrayList<>(d.relevantServices()), d.emergency(), null);
	}

	/** The draft, or the fields that do not parse with their messages. */
	NoticeDraft draft(UUID customerId, Map<String, List<String>> errors) {
		Kind parsedKind = parse(Kind.class, kind, "kind", errors);
		ZoneId zoneId = zone(errors);
		Instant publish = instant(publishAt, "publishAt", zoneId, errors);
		Instant start = instant(eventStart, "eventStart", zoneId, errors);
		Instant end = instant(eventEnd, "eventEnd", zoneId, errors);
		Audience parsedAudience = audience(customerId, errors);
		return new NoticeDraft(parsedKind, parsedAudience, nn(titleEn), nn(bodyEn), blankToNull(titleJa),
				blankToNull(bodyJa), publish, start, end, new LinkedHashSet<>(relevantServices), emergency.booleanValue());
	}

	private Audience audience(UUID customerId, Map<String, List<String>> errors) {
		String scope = audience == null ? "" : audience;
		return switch (scope) {
			case "EVERYONE" -> Audience.everyone();
			case "ALL_CUSTOMERS" -> Audience.allCustomers();
			case "CUSTOMER" -> customerId == null ? null : Audience.customer(customerId);
			case "CUSTOMER_ROLE" -> {
				if (role == null || role.isBlank()) {
					errors.computeIfAbsent("role", key -> new ArrayList<>()).add("notices.form.error.role");
					yield null;
				}
				yield customerId == null ? null : Audience.customerRole(customerId, role.strip());
			}
			case "RELEVANT_SERVICE" -> {
				if (audienceService == null || audienceService.isBlank()) {
					errors.computeIfAbsent("audienceService", key -> new ArrayList<>()).add("notices.form.error.service");
					yield null;
				}
				yield Audience.relevantService(audienceService);
			}
			default -> {
				errors.computeIfAbsent("audience", key -> new ArrayList<>()).add("notices.form.error.audience");
				yield null;
			}
		};
	}

	boolean needsCustomer() {
		return "CUSTOMER".equals(audience) || "CUSTOMER_ROLE".equals(audience);
	}

	private ZoneId zone(Map<String, List<String>> errors) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			errors.computeIfAbsent("zone", key -> new ArrayList<>()).add("notices.form.error.zone");
			return ZoneId.of("UTC");
		}
	}

	private static Instant instant(String value, String field, ZoneId zone, Map<String, List<String>> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			errors.computeIfAbsent(field, key -> new ArrayList<>()).add("notices.form.error.time");
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
			Map<String, List<String>> errors) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException ex) {
			errors.computeIfAbsent(field, key -> new ArrayList<>()).add("notices.form.error.kind");
			return null;
		}
	}

	private static String local(Instant instant, ZoneId zone) {
		return instant == null ? "" : LOCAL.format(instant.atZone(zone));
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private static String nn(String value) {
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static Map<String, List<String>> errors() {
		return new LinkedHashMap<>();
	}
}
