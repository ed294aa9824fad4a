-- When the portal carried out a termination that had taken effect (R-9.5): the customer's
-- sessions and API tokens ended and its users notified. Access is refused by time from
-- termination_effective_at on whether or not this is set; it only records the follow-up.
ALTER TABLE agreements.agreements ADD COLUMN termination_carried_out_at timestamptz;
ALTER TABLE agreements.agreements ADD CONSTRAINT agreements_carried_out
	CHECK (termination_carried_out_at IS NULL OR termination_effective_at IS NOT NULL);
-- The job looks for terminations in effect and not yet carried out.
CREATE INDEX agreements_termination_due ON agreements.agreements (termination_effective_at)
	WHERE termination_effective_at IS NOT NULL AND termination_carried_out_at IS NULL;
