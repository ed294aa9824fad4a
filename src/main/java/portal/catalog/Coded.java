package portal.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant spelled in descriptor files by a stable code, so that renaming a
 * constant never changes what the files mean.
 */
public interface Coded {

	String code();

	static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
	}

	static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
	}
}
