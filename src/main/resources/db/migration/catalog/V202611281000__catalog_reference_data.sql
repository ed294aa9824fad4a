-- The catalog (R-4.1): the relevant services of Attachment 1 and the contracting companies
-- (the Company and the affiliates of Attachment 2). Reference data, not tenant-owned, so
-- no row-level security. Rows are never deleted: retiring one sets the date from which it
-- is no longer offered, and every amendment is kept in catalog.amendments.
CREATE SCHEMA IF NOT EXISTS catalog;
GRANT USAGE ON SCHEMA catalog TO ${appRole};

-- The key is the file name of the service kind descriptor (catalog/services/<key>.yml).
CREATE TABLE catalog.relevant_services (
	key          text    NOT NULL PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	name         text    NOT NULL CHECK (btrim(name) <> ''),
	position     integer NOT NULL UNIQUE,
	offered_from date    NOT NULL,
	retired_from date,
	version      bigint  NOT NULL DEFAULT 0,
	CONSTRAINT relevant_services_retired_after_offered CHECK (retired_from IS NULL OR retired_from >= offered_from)
);
-- The last wall behind the duplicate-name rule when two amendments race.
CREATE UNIQUE INDEX relevant_services_name ON catalog.relevant_services (lower(name));

CREATE TABLE catalog.contracting_companies (
	code         text    NOT NULL PRIMARY KEY CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
	name         text    NOT NULL CHECK (btrim(name) <> ''),
	country      text    NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
	affiliate    boolean NOT NULL,
	position     integer NOT NULL UNIQUE,
	offered_from date    NOT NULL,
	retired_from date,
	version      bigint  NOT NULL DEFAULT 0,
	CONSTRAINT contracting_companies_retired_after_offered CHECK (retired_from IS NULL OR retired_from >= offered_from)
);
CREATE UNIQUE INDEX contracting_companies_name ON catalog.contracting_companies (lower(name));
-- Exactly one row is the Company itself; every other contracting company is an affiliate.
CREATE UNIQUE INDEX contracting_companies_one_company ON catalog.contracting_companies (affiliate) WHERE NOT affiliate;

-- Who amended what, when, from which date, and the state before and after (JSON objects;
-- an addition has an empty before).
CREATE TABLE catalog.amendments (
	id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subject        text        NOT NULL CHECK (subject IN ('relevant-service', 'contracting-company')),
	subject_key    text        NOT NULL,
	change         text        NOT NULL CHECK (change IN ('added', 'renamed', 'retired')),
	effective_date date        NOT NULL,
	amended_by     text        NOT NULL,
	amended_at     timestamptz NOT NULL,
	before         jsonb       NOT NULL DEFAULT '{}'::jsonb,
	after          jsonb       NOT NULL
);
-- The console reads the history newest first, all of it or one entry's.
CREATE INDEX amendments_newest_first ON catalog.amendments (amended_at DESC, id DESC);
CREATE INDEX amendments_of_subject ON catalog.amendments (subject, subject_key, amended_at DESC);

-- Staff add (INSERT) and rename or retire (UPDATE); nothing is ever deleted.
GRANT SELECT, INSERT, UPDATE ON catalog.relevant_services, catalog.contracting_companies TO ${appRole};
-- The history is append-only for the application.
GRANT SELECT, INSERT ON catalog.amendments TO ${appRole};

CREATE FUNCTION catalog.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'catalog amendments are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER amendments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON catalog.amendments
	FOR EACH STATEMENT EXECUTE FUNCTION catalog.refuse_change();

-- The attachments' entries were offered before the portal listed them and the day each started
-- is not catalog data, so one day well before any portal data stands for it: they are offered
-- whatever day the portal's clock says.

-- Attachment 1, in its order.
INSERT INTO catalog.relevant_services (key, name, position, offered_from)
SELECT key, name, position, DATE '2000-01-01'
FROM (VALUES
	('arcstar-universal-one', 'Arcstar Universal One', 1),
	('wideangle-mss', 'WideAngle Managed Security Services', 2),
	('smart-data-platform', 'Smart Data Platform', 3),
	('nexcenter', 'Nexcenter', 4),
	('arcstar-smart-pbx', 'Arcstar Smart PBX', 5),
	('arcstar-contact-center', 'Arcstar Contact Center', 6),
	('arcstar-ip-voice', 'Arcstar IP Voice', 7),
	('api-gateway', 'NTT Communications API Gateway', 8),
	('ocn-for-business', 'OCN for business', 9),
	('docomo-mobile', 'NTT docomo mobile service', 10),
	('access-premium', 'Access Premium', 11),
	('office-link', 'Office link', 12),
	('home5g', 'home5G', 13),
	('homedenwa', 'homedenwa', 14),
	('docomo-hikari', 'docomo Hikari', 15),
	('ancer-rec', 'docomo business ANCER Rec', 16)
) AS attachment_1 (key, name, position);

-- The Company first, then Attachment 2 in its order; countries are ISO 3166-1 alpha-2.
INSERT INTO catalog.contracting_companies (code, name, country, affiliate, position, offered_from)
SELECT code, name, country, affiliate, position, DATE '2000-01-01'
FROM (VALUES
	('COMPANY', 'NTT DOCOMO BUSINESS, Inc.', 'JP', false, 0),
	('DOCOMO', 'NTT DOCOMO, Inc.', 'JP', true, 1),
	('NTT-AMERICA', 'NTT America, Inc.', 'US', true, 2),
	('NTT-BRASIL', 'NTT do Brasil Telecomunicações Ltda.', 'BR', true, 3),
	('NTT-COM-CHINA', 'NTT Communications China Co., Ltd.', 'CN', true, 4),
	('NTT-COM-ASIA', 'NTT Com Asia Ltd.', 'HK', true, 5),
	('NTT-KOREA', 'NTT Korea Co.,Ltd.', 'KR', true, 6),
	('NTT-TAIWAN', 'NTT Taiwan Ltd.', 'TW', true, 7),
	('NTT-INDONESIA', 'PT.NTT Indonesia', 'ID', true, 8),
	('NTT-MSC', 'NTT MSC Sdn. Bhd.', 'MY', true, 9),
	('NTT-SINGAPORE', 'NTT Singapore Pte. Ltd.', 'SG', true, 10),
	('NTT-THAILAND', 'NTT(Thailand) Co., Ltd.', 'TH', true, 11),
	('NTT-VIETNAM', 'NTT(Vietnam) Ltd.', 'VN', true, 12),
	('NTT-AUSTRALIA', 'NTT Australia Pty. Ltd.', 'AU', true, 13),
	('PLDT', 'PLDT', 'PH', true, 14),
	('NTT-EUROPE', 'NTT Europe Ltd.', 'GB', true, 15),
	('NTT-RUSSIA', 'NTT Russia LLC', 'RU', true, 16)
) AS attachment_2 (code, name, country, affiliate, position);
