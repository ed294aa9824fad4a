package portal.customers.systemkeys;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** Staff issued an API key to a relevant-service system of a contracting company. */
record SystemKeyIssued(String keyId, String name, String contractingCompany) implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("system-key.issued", "system-key", keyId).with("name", name)
			.with("contractingCompany", contractingCompany);
	}
}
