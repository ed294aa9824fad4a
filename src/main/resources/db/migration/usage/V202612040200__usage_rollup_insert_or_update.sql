-- Whether the writer found a staged rollup bucket in the store: new buckets are inserted plainly
-- (about half the cost of ON CONFLICT), stored ones updated, and buckets recomputed from the
-- finer level (null: not read) upserted. A bucket a concurrent writer created meanwhile makes the
-- plain insert fail on the primary key, and the writer reads and merges again: the upsert alone
-- let the later writer overwrite the earlier one's new bucket.
ALTER TABLE usage.staging_rollup ADD COLUMN stored boolean;
