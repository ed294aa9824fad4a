-- Usage series, their samples and rollups (R-7.6, R-14.*). Every row carries customer_id,
-- which leads every primary key and index, and no foreign key crosses customers: the tables
-- can be distributed by customer (docs/adr/0008).
CREATE SCHEMA IF NOT EXISTS usage;
GRANT USAGE ON SCHEMA usage TO ${appRole};

CREATE SEQUENCE usage.series_id_seq;
GRANT USAGE ON SEQUENCE usage.series_id_seq TO ${appRole};

-- One series per (service instance, metric of its descriptor). The relevant service and the
-- metric's interval and percentile flag are copied from the inventory and the descriptor when
-- the first sample arrives, so that reads need neither.
CREATE TABLE usage.series (
	customer_id      uuid        NOT NULL,
	id               bigint      NOT NULL DEFAULT nextval('usage.series_id_seq'),
	instance_id      text        NOT NULL,
	metric           text        NOT NULL,
	relevant_service text        NOT NULL,
	interval_seconds int         NOT NULL CHECK (interval_seconds > 0),
	percentile95     boolean     NOT NULL,
	created_at       timestamptz NOT NULL,
	PRIMARY KEY (customer_id, id),
	-- An instance's series (the series API, the instance page); get-or-create on ingestion.
	CONSTRAINT series_instance_metric UNIQUE (customer_id, instance_id, metric)
);
-- The top instances of a metric (UsageQueries.top).
CREATE INDEX series_customer_metric ON usage.series (customer_id, metric);

-- Raw samples in daily range partitions (usage.ensure_partition), purged by dropping whole
-- partitions. The primary key serves every read: one series over a time range.
CREATE TABLE usage.samples (
	customer_id uuid             NOT NULL,
	series_id   bigint           NOT NULL,
	at          timestamptz      NOT NULL,
	value       double precision NOT NULL,
	PRIMARY KEY (customer_id, series_id, at)
) PARTITION BY RANGE (at);

-- Rollups per UTC hour and UTC day: count, min, max, sum (mean = sum / count), and where the
-- metric's descriptor says a 95th percentile is meaningful, a DDSketch (relative accuracy 1 %)
-- and the p95 read from it. Buckets are recomputed only when a batch touches them.
CREATE TABLE usage.hourly (
	customer_id uuid             NOT NULL,
	series_id   bigint           NOT NULL,
	bucket      timestamptz      NOT NULL,
	count       int              NOT NULL CHECK (count > 0),
	min         double precision NOT NULL,
	max         double precision NOT NULL,
	sum         double precision NOT NULL,
	p95         double precision,
	sketch      bytea,
	PRIMARY KEY (customer_id, series_id, bucket)
);

CREATE TABLE usage.daily (LIKE usage.hourly INCLUDING ALL);

-- The wall (R-7.5) with the platform's one policy function. Every query of the module names
-- its customer, so the primary keys serve it; docs/adr/0008 shows the plans.
ALTER TABLE usage.series ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage.series FORCE ROW LEVEL SECURITY;
CREATE POLICY series_tenant ON usage.series
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));
ALTER TABLE usage.samples ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage.samples FORCE ROW LEVEL SECURITY;
CREATE POLICY samples_tenant ON usage.samples
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));
ALTER TABLE usage.hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage.hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY hourly_tenant ON usage.hourly
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));
ALTER TABLE usage.daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage.daily FORCE ROW LEVEL SECURITY;
CREATE POLICY daily_tenant ON usage.daily
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

GRANT SELECT, INSERT, UPDATE ON usage.series TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON usage.samples, usage.hourly, usage.daily TO ${appRole};
GRANT DELETE ON usage.hourly, usage.daily, usage.series TO ${appRole};

-- Partitions are DDL, which only the owner may run: these two functions run as the owner and
-- do nothing else. A partition holds one UTC day [day, day + 1).
CREATE FUNCTION usage.ensure_partition(day date) RETURNS boolean
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	name text := 'samples_' || to_char(day, 'YYYYMMDD');
BEGIN
	IF to_regclass('usage.' || name) IS NOT NULL THEN
		RETURN false;
	END IF;
	-- Two writers may create the same day at once; the loser waits here and then sees it.
	PERFORM pg_advisory_xact_lock(hashtext('usage.partition.' || name));
	IF to_regclass('usage.' || name) IS NOT NULL THEN
		RETURN false;
	END IF;
	EXECUTE format('CREATE TABLE usage.%I PARTITION OF usage.samples FOR VALUES FROM (%L) TO (%L)', name,
		(day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
	RETURN true;
END $$;

-- Drops the partitions of whole days before the cutoff day, and answers what each held.
-- Rows are counted before the drop for the audit trail; the drop itself touches no row.
CREATE FUNCTION usage.drop_partitions_before(cutoff date)
	RETURNS TABLE (partition_day date, sample_count bigint)
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	part record;
	rows bigint;
BEGIN
	FOR part IN
		SELECT c.relname, to_date(substr(c.relname, 9), 'YYYYMMDD') AS day
		FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'usage.samples'::regclass AND c.relname ~ '^samples_[0-9]{8}$'
		ORDER BY 1
	LOOP
		CONTINUE WHEN part.day >= cutoff;
		EXECUTE format('SELECT count(*) FROM usage.%I', part.relname) INTO rows;
		EXECUTE format('DROP TABLE usage.%I', part.relname);
		partition_day := part.day;
		sample_count := rows;
		RETURN NEXT;
	END LOOP;
END $$;

REVOKE ALL ON FUNCTION usage.ensure_partition(date), usage.drop_partitions_before(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION usage.ensure_partition(date), usage.drop_partitions_before(date) TO ${appRole};

-- Staging for bulk writes. Rows live only inside the writing transaction (copied in, merged,
-- deleted before commit), so no other session ever sees them; COPY refuses tables under
-- row-level security, hence none here. Each writer tags its rows with its own batch id.
CREATE UNLOGGED TABLE usage.staging (
	batch       uuid             NOT NULL,
	customer_id uuid             NOT NULL,
	series_id   bigint           NOT NULL,
	at          timestamptz      NOT NULL,
	value       double precision NOT NULL,
	line        bigint           NOT NULL
);
CREATE UNLOGGED TABLE usage.staging_changed (
	batch       uuid        NOT NULL,
	customer_id uuid        NOT NULL,
	series_id   bigint      NOT NULL,
	at          timestamptz NOT NULL,
	added       boolean     NOT NULL
);
CREATE UNLOGGED TABLE usage.staging_rollup (
	batch       uuid             NOT NULL,
	customer_id uuid             NOT NULL,
	series_id   bigint           NOT NULL,
	bucket      timestamptz      NOT NULL,
	count       int              NOT NULL,
	min         double precision NOT NULL,
	max         double precision NOT NULL,
	sum         double precision NOT NULL,
	p95         double precision,
	sketch      bytea
);
GRANT SELECT, INSERT, DELETE ON usage.staging, usage.staging_changed, usage.staging_rollup TO ${appRole};
