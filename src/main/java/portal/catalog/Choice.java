package portal.catalog;

import java.util.Objects;

/** One allowed value of an enum attribute or parameter: the key submitted and its label. */
public record Choice(String key, LocalizedText name) {

	public Choice {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
	}
}
