package portal.customers.systemkeys;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** Staff revoked a system API key; it authenticates nothing from now on. */
record SystemKeyRevoked(String keyId, String name, String contractingCompany) implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("system-key.revoked", "system-key", keyId).with("name", name)
			.with("contractingCompany", contractingCompany);
	}
}
