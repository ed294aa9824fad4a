package portal.catalog;

import java.util.Collection;

import portal.catalog.AmendmentRefused.Reason;

/**
 * The name of a catalog entry: not blank, at most {@value #MAX_LENGTH} characters, without
 * surrounding spaces, and not the name of another entry of the same list in any letter case.
 */
record EntryName(String value) {

	static final int MAX_LENGTH = 200;

	static EntryName of(String raw) {
		String value = raw == null ? "" : raw.strip();
		if (value.isEmpty()) {
			throw new AmendmentRefused(Reason.BLANK_NAME, "The name must not be blank.");
		}
		if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
			throw new AmendmentRefused(Reason.NAME_TOO_LONG, "The name must be at most " + MAX_LENGTH + " characters.");
		}
		return new EntryName(value);
	}

	/** @param others the names of the other entries of the list, not this entry's own */
	EntryName requireFreeAmong(Collection<String> others) {
		if (others.stream().anyMatch(value::equalsIgnoreCase)) {
			throw new AmendmentRefused(Reason.NAME_TAKEN, "The name '" + value + "' is already in the catalog.");
		}
		return this;
	}
}
