package portal.catalog.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * Staff amended the catalog: added, renamed or retired a relevant service or a
 * contracting company, effective from a date. Before and after hold the entry's state as
 * plain values; an addition has an empty before. The trail records it in the amending
 * transaction.
 */
public record CatalogAmended(Subject subject, String key, Change change, LocalDate effectiveDate, String amendedBy,
		Instant amendedAt, Map<String, Object> before, Map<String, Object> after) implements Auditable {

	/** What kind of catalog entry was amended; the code is how the history and the trail name it. */
	public enum Subject {

		RELEVANT_SERVICE("relevant-service"),
		CONTRACTING_COMPANY("contracting-company");

		private final String code;

		Subject(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		public static Subject ofCode(String code) {
			for (Subject subject : values()) {
				if (subject.code.equals(code)) {
					return subject;
				}
			}
			throw new IllegalArgumentException("no catalog subject '" + code + "'");
		}
	}

	/** The amendment made; the code is how the history and the trail name it. */
	public enum Change {

		ADDED("added"),
		RENAMED("renamed"),
		RETIRED("retired");

		private final String code;

		Change(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		public static Change ofCode(String code) {
			for (Change change : values()) {
				if (change.code.equals(code)) {
					return change;
				}
			}
			throw new IllegalArgumentException("no catalog change '" + code + "'");
		}
	}

	public CatalogAmended {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(change, "change");
		Objects.requireNonNull(effectiveDate, "effectiveDate");
		Objects.requireNonNull(amendedBy, "amendedBy");
		Objects.requireNonNull(amendedAt, "amendedAt");
		before = Map.copyOf(before);
		after = Map.copyOf(after);
	}

	/** E.g. {@code catalog.relevant-service.retired}. */
	public String action() {
		return "catalog." + subject.code() + "." + change.code();
	}

	@Override
	public AuditRecord auditRecord() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("effectiveDate", effectiveDate.toString());
		details.put("before", before);
		details.put("after", after);
		return new AuditRecord(action(), subject.code(), key, null, details);
	}
}
