-- Nodes now drop their cached access rules on an invalidation published with each change
-- (platform.Invalidations, LISTEN/NOTIFY) instead of polling a version row.
DROP TRIGGER suspensions_access ON agreements.suspensions;
DROP TRIGGER agreements_access ON agreements.agreements;
DROP FUNCTION agreements.bump_access_version();
DROP TABLE agreements.access_version;
