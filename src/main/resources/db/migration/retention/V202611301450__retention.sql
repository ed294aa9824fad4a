-- Retention periods per data class (R-13.1), set by the Company's administrators. Portal-wide
-- settings, not tenant rows. A class without a row uses its documented default (DataClass).
CREATE SCHEMA IF NOT EXISTS retention;
GRANT USAGE ON SCHEMA retention TO ${appRole};

CREATE TABLE retention.periods (
	data_class text        NOT NULL PRIMARY KEY,
	days       int         NOT NULL CHECK (days BETWEEN 1 AND 36500),
	updated_at timestamptz NOT NULL,
	updated_by text        NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON retention.periods TO ${appRole};
