package portal.platform;

/** Who is acting: a customer's portal user, the Company's staff, a relevant-service system, a job, or nobody yet. */
public enum ActorKind {
	USER, STAFF, SERVICE_SYSTEM, SYSTEM, ANONYMOUS
}
