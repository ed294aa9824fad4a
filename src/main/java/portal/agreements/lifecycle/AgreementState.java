package portal.agreements.lifecycle;

/** Where a Portal Agreement stands at a moment; decided by the time, not by a job having run. */
public enum AgreementState {

	ACTIVE, SUSPENDED, TERMINATION_SCHEDULED, TERMINATED;

	public String code() {
		return name().toLowerCase().replace('_', '-');
	}
}
