package portal.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks one submitted value against a type, whether it is required, and its constraints.
 * Blank text counts as absent, because an empty form field means "not given".
 */
final class ValueCheck {

	static final String REQUIRED = "catalog.value.required";
	static final String NOT_TEXT = "catalog.value.not-text";
	static final String TOO_LONG = "catalog.value.too-long";
	static final String PATTERN_MISMATCH = "catalog.value.pattern-mismatch";
	static final String NOT_AN_INTEGER = "catalog.value.not-an-integer";
	static final String NOT_A_NUMBER = "catalog.value.not-a-number";
	static final String TOO_SMALL = "catalog.value.too-small";
	static final String TOO_LARGE = "catalog.value.too-large";
	static final String NOT_A_CHOICE = "catalog.value.not-a-choice";
	static final String NOT_A_DATE = "catalog.value.not-a-date";
	static final String NOT_A_BOOLEAN = "catalog.value.not-a-boolean";
	static final String UNKNOWN = "catalog.value.unknown";

	private final String field;
	private final Constraints constraints;

	private ValueCheck(String field, Constraints constraints) {
		this.field = field;
		this.constraints = constraints;
	}

	static Optional<InvalidValue> check(String field, ValueType type, boolean required,
			Constraints constraints, Object value) {
		if (absent(value)) {
			return required ? Optional.of(new InvalidValue(field, REQUIRED)) : Optional.empty();
		}
		ValueCheck check = new ValueCheck(field, constraints);
		return switch (type) {
			case STRING -> check.text(value);
			case INTEGER -> check.number(value, true);
			case DECIMAL -> check.number(value, false);
			case ENUM -> check.choice(value);
			case DATE -> check.date(value);
			case BOOLEAN -> check.bool(value);
		};
	}

	private static boolean absent(Object value) {
		return value == null || value instanceof CharSequence text && text.toString().isBlank();
	}

	private Optional<InvalidValue> text(Object value) {
		if (!(value instanceof CharSequence)) {
			return fail(NOT_TEXT);
		}
		String text = value.toString();
		if (constraints.maxLength().isPresent() && text.codePointCount(0, text.length()) > constraints.maxLength().getAsInt()) {
			return fail(TOO_LONG, String.valueOf(constraints.maxLength().getAsInt()));
		}
		if (constraints.pattern().isPresent() && !constraints.pattern().get().matcher(text).matches()) {
			return fail(PATTERN_MISMATCH);
		}
		return Optional.empty();
	}

	private Optional<InvalidValue> number(Object value, boolean integral) {
		Optional<BigDecimal> number = decimal(value);
		if (number.isEmpty() || integral && !isIntegral(number.get())) {
			return fail(integral ? NOT_AN_INTEGER : NOT_A_NUMBER);
		}
		BigDecimal n = number.get();
		if (constraints.min().filter(min -> n.compareTo(min) < 0).isPresent()) {
			return fail(TOO_SMALL, constraints.min().get().toPlainString());
		}
		if (constraints.max().filter(max -> n.compareTo(max) > 0).isPresent()) {
			return fail(TOO_LARGE, constraints.max().get().toPlainString());
		}
		return Optional.empty();
	}

	private static Optional<BigDecimal> decimal(Object value) {
		if (!(value instanceof Number || value instanceof CharSequence)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(value.toString().trim()));
		}
		catch (NumberFormatException notANumber) {
			return Optional.empty();
		}
	}

	private static boolean isIntegral(BigDecimal number) {
		return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
	}

	private Optional<InvalidValue> choice(Object value) {
		// JSON clients may send a numeric choice such as 1000 as a number
		boolean keyLike = value instanceof CharSequence || value instanceof Integer || value instanceof Long
				|| value instanceof BigInteger;
		if (keyLike && constraints.choice(value.toString()).isPresent()) {
			return Optional.empty();
		}
		String allowed = constraints.choices().stream().map(Choice::key).collect(Collectors.joining(", "));
		return fail(NOT_A_CHOICE, allowed);
	}

	private Optional<InvalidValue> date(Object value) {
		if (value instanceof LocalDate) {
			return Optional.empty();
		}
		if (value instanceof CharSequence text) {
			try {
				LocalDate.parse(text.toString().trim());
				return Optional.empty();
			}
			catch (DateTimeParseException notADate) {
				return fail(NOT_A_DATE);
			}
		}
		return fail(NOT_A_DATE);
	}

	private Optional<InvalidValue> bool(Object value) {
		boolean valid = value instanceof Boolean
				|| value instanceof CharSequence text && List.of("true", "false").contains(text.toString().trim());
		return valid ? Optional.empty() : fail(NOT_A_BOOLEAN);
	}

	private Optional<InvalidValue> fail(String messageKey, String... arguments) {
		return Optional.of(new InvalidValue(field, messageKey, List.of(arguments)));
	}
}
