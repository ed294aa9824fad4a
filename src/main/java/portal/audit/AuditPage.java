package portal.audit;

import java.util.List;

/** A page of the trail, newest first. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
}
