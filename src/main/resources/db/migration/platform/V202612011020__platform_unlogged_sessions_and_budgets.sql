-- Sessions and rate-limit budgets are worth neither a write-ahead log record nor a disk
-- flush at every commit: a sign-in wrote both (a budget check, then its new session), and
-- each commit waited for the log to reach the disk. Unlogged, they are written to their
-- tables only, and a commit touching nothing else does not wait for the disk.
--
-- What that gives up, on purpose: after PostgreSQL itself crashes (not the portal, and not a
-- clean stop or restart) these tables start empty, so everyone signs in again and every
-- budget starts full; a standby does not receive them, so the same holds after a failover.
-- Ending a session stays safe: an ended session can only disappear, never come back.
-- Attributes first: an unlogged table may refer to a logged one, not the other way round.
ALTER TABLE platform.spring_session_attributes SET UNLOGGED;
ALTER TABLE platform.spring_session SET UNLOGGED;
ALTER TABLE platform.budgets SET UNLOGGED;
