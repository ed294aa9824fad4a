package portal.usage;

import java.time.Instant;

/** One line of an ingestion body as parsed, before it is checked against the inventory and catalog. */
record SampleLine(long lineNumber, String instance, String metric, Instant time, double value) {
}
