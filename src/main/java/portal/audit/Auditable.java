package portal.audit;

/**
 * An event that the trail records when it is published. The trail listens synchronously,
 * so the entry commits or rolls back with the change that published the event.
 */
public interface Auditable {

	AuditRecord auditRecord();
}
