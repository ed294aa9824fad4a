package portal.usage;

import java.util.Optional;

/** The two body formats ingestion accepts, by media type. */
public enum IngestFormat {

	NDJSON, CSV;

	public static Optional<IngestFormat> of(String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
		return switch (type) {
			case "application/x-ndjson", "application/ndjson", "application/jsonl" -> Optional.of(NDJSON);
			case "text/csv" -> Optional.of(CSV);
			default -> Optional.empty();
		};
	}
}
