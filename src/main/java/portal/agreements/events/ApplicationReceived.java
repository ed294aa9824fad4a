package portal.agreements.events;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** A portal application arrived and got its receipt number. */
public record ApplicationReceived(long receiptNo, String legalName, String country) implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("application.received", "application", receiptNo).with("country", country);
	}
}
