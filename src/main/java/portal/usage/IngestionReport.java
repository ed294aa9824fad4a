package portal.usage;

import java.util.List;

/**
 * What an ingestion did: lines read (blank lines and a CSV header not counted), samples kept
 * and of those how many were new, replaced an earlier value, or were already stored; lines
 * rejected, and the first {@value #MAX_ERRORS} errors with their line numbers.
 */
public record IngestionReport(long lines, long accepted, long added, long replaced, long unchanged, long rejected,
		List<LineError> errors) {

	public static final int MAX_ERRORS = 100;

	public IngestionReport {
		errors = List.copyOf(errors);
	}
}
