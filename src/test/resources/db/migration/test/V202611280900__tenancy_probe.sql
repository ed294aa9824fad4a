-- A tenant-owned table that exists only in tests, to prove the RLS wall on its own.
CREATE SCHEMA IF NOT EXISTS probe;
GRANT USAGE ON SCHEMA probe TO ${appRole};
CREATE TABLE probe.notes (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id uuid NOT NULL,
	body        text NOT NULL
);
ALTER TABLE probe.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE probe.notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_tenant ON probe.notes USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON probe.notes TO ${appRole};
