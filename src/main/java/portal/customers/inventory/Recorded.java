package portal.customers.inventory;

/** What a report did: created the entry, changed it, or found it already as reported. */
public record Recorded<T>(T value, Outcome outcome) {

	/** The three results of an idempotent report. */
	public enum Outcome {
		CREATED, CHANGED, UNCHANGED
	}

	public boolean created() {
		return outcome == Outcome.CREATED;
	}
}
