-- The time zone a person chose for the times the portal shows them (an IANA name such as
-- Asia/Tokyo); NULL means "my browser's zone", then UTC. Checked by the application against
-- the JDK's zone list; the length bound keeps a forged value from growing the row.
ALTER TABLE identity.accounts ADD COLUMN time_zone text CHECK (length(time_zone) <= 64);
