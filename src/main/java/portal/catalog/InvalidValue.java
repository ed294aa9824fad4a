package portal.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Why a submitted value was refused: the field it belongs to, a message key of
 * {@code i18n/catalog} and the arguments that message takes (e.g. the minimum).
 */
public record InvalidValue(String field, String messageKey, List<String> arguments) {

	public InvalidValue {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(messageKey, "messageKey");
		arguments = List.copyOf(arguments);
	}

	InvalidValue(String field, String messageKey) {
		this(field, messageKey, List.of());
	}
}
