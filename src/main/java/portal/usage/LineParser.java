package portal.usage;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses one line of an ingestion body, NDJSON ({@code {"instance":…,"metric":…,"time":…,"value":…}})
 * or CSV ({@code instance,metric,time,value}, an optional header line). Checks the shape only:
 * whether the instance and metric exist is for the ingestion to decide. Times are ISO-8601 with
 * an offset; values are finite numbers.
 */
final class LineParser {

	static final String CSV_HEADER = "instance,metric,time,value";

	private static final JsonFactory JSON = new JsonFactory();

	private final IngestFormat format;

	LineParser(IngestFormat format) {
		this.format = format;
	}

	/** Whether the line is the CSV header, which is skipped. */
	boolean isHeader(String line) {
		return format == IngestFormat.CSV && line.strip().replace(" ", "").equalsIgnoreCase(CSV_HEADER);
	}

	/**
	 * Whether the line has the body's shape at all (a JSON object, or four CSV fields). A body
	 * whose first line does not is refused whole, as neither NDJSON nor CSV.
	 */
	boolean looksLikeFormat(String line) {
		String stripped = line.strip();
		if (format == IngestFormat.NDJSON) {
			return stripped.startsWith("{") && stripped.endsWith("}");
		}
		return isHeader(line) || csvFields(stripped) != null;
	}

	SampleLine parse(long lineNumber, String line) throws LineRejected {
		return format == IngestFormat.NDJSON ? json(lineNumber, line) : csv(lineNumber, line);
	}

	private SampleLine csv(long lineNumber, String line) throws LineRejected {
		String[] fields = csvFields(line.strip());
		if (fields == null) {
			throw new LineRejected("line", "Expected four comma-separated fields: " + CSV_HEADER + ".");
		}
		return new SampleLine(lineNumber, text("instance", fields[0]), text("metric", fields[1]), time(fields[2]),
				number(fields[3]));
	}

	/** Four fields, optionally in double quotes (a quote inside doubled); null when the line has another shape. */
	static String[] csvFields(String line) {
		String[] fields = new String[4];
		int field = 0;
		int i = 0;
		int n = line.length();
		while (true) {
			if (field == 4) {
				return null;
			}
			if (i >= n || line.charAt(i) != '"') {
				// Unquoted, the common case: no copy but the field itself.
				int comma = line.indexOf(',', i);
				int end = comma < 0 ? n : comma;
				fields[field++] = line.substring(i, end).strip();
				i = end;
				if (i >= n) {
					return field == 4 ? fields : null;
				}
				i++;
				continue;
			}
			StringBuilder value = new StringBuilder();
			i++;
			while (true) {
				if (i >= n) {
					return null;
				}
				char c = line.charAt(i++);
				if (c == '"') {
					if (i < n && line.charAt(i) == '"') {
						value.append('"');
						i++;
					}
					else {
						break;
					}
				}
				else {
					value.append(c);
				}
			}
			if (i < n && line.charAt(i) != ',') {
				return null;
			}
			fields[field++] = value.toString().strip();
			if (i >= n) {
				return field == 4 ? fields : null;
			}
			i++;
		}
	}

	private SampleLine json(long lineNumber, String line) throws LineRejected {
		String instance = null;
		String metric = null;
		Instant time = null;
		Double value = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new LineRejected("line", "Expected a JSON object.");
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken valueToken = parser.nextToken();
				switch (name) {
					case "instance" -> instance = text("instance", string(parser, valueToken, "instance"));
					case "metric" -> metric = text("metric", string(parser, valueToken, "metric"));
					case "time" -> time = time(string(parser, valueToken, "time"));
					case "value" -> {
						if (valueToken != JsonToken.VALUE_NUMBER_INT && valueToken != JsonToken.VALUE_NUMBER_FLOAT) {
							throw new LineRejected("value", "Expected a number.");
						}
						value = finite(parser.getDoubleValue());
					}
					default -> throw new LineRejected(name, "Unknown field; expected instance, metric, time, value.");
				}
			}
			if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
				throw new LineRejected("line", "Expected one JSON object on the line.");
			}
		}
		catch (JacksonException ex) {
			throw new LineRejected("line", "Not valid JSON.");
		}
		if (instance == null) {
			throw new LineRejected("instance", "Missing.");
		}
		if (metric == null) {
			throw new LineRejected("metric", "Missing.");
		}
		if (time == null) {
			throw new LineRejected("time", "Missing.");
		}
		if (value == null) {
			throw new LineRejected("value", "Missing.");
		}
		return new SampleLine(lineNumber, instance, metric, time, value);
	}

	private static String string(JsonParser parser, JsonToken token, String field) throws LineRejected {
		if (token != JsonToken.VALUE_STRING) {
			throw new LineRejected(field, "Expected a string.");
		}
		return parser.getString();
	}

	private static String text(String field, String value) throws LineRejected {
		if (value.isBlank()) {
			throw new LineRejected(field, "Missing.");
		}
		if (value.length() > 100) {
			throw new LineRejected(field, "At most 100 characters.");
		}
		return value;
	}

	static Instant time(String value) throws LineRejected {
		Instant utc = utcSeconds(value);
		if (utc != null) {
			return utc;
		}
		try {
			return java.time.OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new LineRejected("time", "Expected an ISO-8601 time with offset, such as 2026-11-30T10:05:00Z.");
		}
	}

	/**
	 * The common shape {@code 2026-11-30T10:05:00Z} read without the general parser (which costs
	 * more than the rest of a line); null for any other shape, which the general parser then reads
	 * or refuses. Dates are checked as strictly as the general parser does.
	 */
	private static Instant utcSeconds(String value) {
		if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 2);
		int day = digits(value, 8, 2);
		int hour = digits(value, 11, 2);
		int minute = digits(value, 14, 2);
		int second = digits(value, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
	}

	private static int digits(String value, int from, int count) {
		int n = 0;
		for (int i = from; i < from + count; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	private static double number(String value) throws LineRejected {
		try {
			return finite(Double.parseDouble(value));
		}
		catch (NumberFormatException ex) {
			throw new LineRejected("value", "Expected a number.");
		}
	}

	private static double finite(double value) throws LineRejected {
		if (!Double.isFinite(value)) {
			throw new LineRejected("value", "Expected a finite number.");
		}
		return value;
	}
}
