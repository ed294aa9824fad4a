-- Abuse limits shared by every node (platform.RateLimits): one Bucket4j bucket per budget
-- and key. Rows of buckets that have filled up again expire (expires_at, epoch millis) and
-- are removed in batches by a job, which finds them through the index.
CREATE TABLE platform.rate_limits (
	id         text   NOT NULL PRIMARY KEY,
	state      bytea,
	expires_at bigint
);
CREATE INDEX rate_limits_expires_at ON platform.rate_limits (expires_at);
