package portal.agreements.lifecycle;

import java.time.Instant;

/** One step of an agreement's life, as its timeline shows it. */
public record TimelineEntry(Instant at, String step, String detail, String actor) {
}
