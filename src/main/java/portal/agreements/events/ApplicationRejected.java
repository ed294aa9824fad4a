package portal.agreements.events;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** The desk rejected an application for one of the reasons of Art. 5. */
public record ApplicationRejected(long receiptNo, String reason) implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("application.rejected", "application", receiptNo).with("reason", reason);
	}
}
