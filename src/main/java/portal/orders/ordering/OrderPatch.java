package portal.orders.ordering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's merge patch (RFC 7396) of an order's particulars, checked field by field: the
 * fields of TMF641's ServiceOrder_Update a requester may change. A field set to null is
 * cleared; {@code note} lists notes to add, since notes already written are never taken back.
 */
final class OrderPatch {

	static final String DESCRIPTION = "description";
	static final String EXTERNAL_ID = "externalId";
	static final String NOTIFICATION_CONTACT = "notificationContact";
	static final String REQUESTED_START = "requestedStartDate";
	static final String REQUESTED_COMPLETION = "requestedCompletionDate";
	static final String NOTE = "note";

	/** In the order TMF641 lists them, to name them in a refusal. */
	static final List<String> FIELDS = List.of(DESCRIPTION, EXTERNAL_ID, NOTIFICATION_CONTACT, REQUESTED_START,
			REQUESTED_COMPLETION, NOTE);

	static final int MAX_TEXT = 2000;
	static final int MAX_EXTERNAL_ID = 100;
	static final int MAX_CONTACT = 200;
	static final int MAX_NOTES = 10;

	private final Map<String, Object> values;

	private final List<String> notes;

	private OrderPatch(Map<String, Object> values, List<String> notes) {
		this.values = Collections.unmodifiableMap(values);
		this.notes = List.copyOf(notes);
	}

	/**
	 * @throws OrderRefusal naming the first field that cannot be changed or has a bad value
	 */
	static OrderPatch of(Map<String, ?> patch) {
		for (String field : patch.keySet()) {
			if (!FIELDS.contains(field)) {
				throw OrderRefusal.invalid(field, "This field cannot be changed by the customer; change only "
						+ String.join(", ", FIELDS) + " (notes are added), before the order has started.");
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (String field : List.of(DESCRIPTION, EXTERNAL_ID, NOTIFICATION_CONTACT)) {
			if (patch.containsKey(field)) {
				values.put(field, text(field, patch.get(field)));
			}
		}
		for (String field : List.of(REQUESTED_START, REQUESTED_COMPLETION)) {
			if (patch.containsKey(field)) {
				values.put(field, instant(field, patch.get(field)));
			}
		}
		List<String> notes = patch.containsKey(NOTE) ? notes(patch.get(NOTE)) : List.of();
		return new OrderPatch(values, notes);
	}

	boolean has(String field) {
		return values.containsKey(field);
	}

	/** The new text of a text field; empty when cleared. */
	String text(String field) {
		Object value = values.get(field);
		return value == null ? "" : (String) value;
	}

	/** The new time of a date field; null when cleared. */
	Instant instant(String field) {
		return (Instant) values.get(field);
	}

	List<String> notes() {
		return notes;
	}

	/** The fields the patch touches, in TMF641's order. */
	List<String> fields() {
		return FIELDS.stream().filter(f -> values.containsKey(f) || (f.equals(NOTE) && !notes.isEmpty())).toList();
	}

	boolean isEmpty() {
		return values.isEmpty() && notes.isEmpty();
	}

	private static String text(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw OrderRefusal.invalid(field, "Use text, or null to clear it.");
		}
		int max = switch (field) {
			case EXTERNAL_ID -> MAX_EXTERNAL_ID;
			case NOTIFICATION_CONTACT -> MAX_CONTACT;
			default -> MAX_TEXT;
		};
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw OrderRefusal.invalid(field, "Use at most " + max + " characters.");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	private static Instant instant(String field, Object value) {
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text) {
				return OffsetDateTime.parse(text.strip()).toInstant();
			}
		}
		catch (DateTimeParseException notATime) {
			// Refused below, as any other shape is.
		}
		throw OrderRefusal.invalid(field, "Use a date and time with its offset, such as 2027-01-15T09:00:00+09:00, "
				+ "or null to clear it.");
	}

	private static List<String> notes(Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw OrderRefusal.invalid(NOTE, "List the notes to add, each as {\"text\": \"…\"}; notes cannot be "
					+ "removed.");
		}
		if (list.size() > MAX_NOTES) {
			throw OrderRefusal.invalid(NOTE, "Add at most " + MAX_NOTES + " notes at once.");
		}
		List<String> notes = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String field = NOTE + "[" + i + "].text";
			Object text = list.get(i) instanceof Map<?, ?> note ? note.get("text") : null;
			if (!(text instanceof String written) || written.isBlank()) {
				throw OrderRefusal.invalid(field, "Give the note's text.");
			}
			if (written.strip().length() > MAX_TEXT) {
				throw OrderRefusal.invalid(field, "Use at most " + MAX_TEXT + " characters.");
			}
			notes.add(written.strip());
		}
		return notes;
	}
}
