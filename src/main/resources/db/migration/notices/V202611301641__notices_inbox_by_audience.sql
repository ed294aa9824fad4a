-- Inboxes are resolved from each notice's audience when they are read, so that a person who
-- joins after a notice went out still finds it (R-2.3). notices.inbox now keeps the read
-- marks: a row per person and notice read (rows of the earlier fan-out without a read time
-- mean unread, as no row does).
-- The inbox and its unread count read the published, not cancelled notices newest first.
CREATE INDEX notices_published ON notices.notices (publish_at DESC) WHERE cancelled_at IS NULL;
