-- A notice is mailed to its audience as it stands at the publication time (R-2.3): at once
-- when published at once, otherwise by the publication job when the time comes. Notices
-- stored before this were mailed when they were composed.
ALTER TABLE notices.notices ADD COLUMN mailed_at timestamptz;
SELECT set_config('portal.scope', 'system', true);
UPDATE notices.notices SET mailed_at = created_at;
-- The publication job looks for published notices not mailed yet.
CREATE INDEX notices_unmailed ON notices.notices (publish_at) WHERE mailed_at IS NULL AND cancelled_at IS NULL;
