package portal.catalog;

import java.util.Objects;

/** A Relevant Service the portal serves, by its descriptor key; inactive once retired. */
public record RelevantService(String key, String name, boolean active) {

	public RelevantService {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
	}
}
