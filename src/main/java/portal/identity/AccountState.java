package portal.identity;

/**
 * The life of an account: issued and waiting for activation, active, locked after a lost
 * or stolen report (only a reset reopens it), disabled by an administrator, or retired
 * (withdrawn or removed: personal information erased, login ID never reused).
 */
public enum AccountState {
	PENDING_ACTIVATION, ACTIVE, LOCKED, DISABLED, RETIRED
}
