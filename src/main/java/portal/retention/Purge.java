package portal.retention;

import java.time.Instant;

/**
 * How a module deletes its data of one class that is older than a cutoff. Implementations
 * delete nothing at or after the cutoff, and say what they deleted.
 */
public interface Purge {

	DataClass dataClass();

	Purged purgeBefore(Instant cutoff);

	/** What a purge deleted: how many records, over which range (human-readable, such as two dates). */
	record Purged(long count, String range) {

		public static final Purged NOTHING = new Purged(0, "");
	}
}
