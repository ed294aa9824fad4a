-- Publishing documents (R-2.1, R-23): which documents exist, drafts being written, and for
-- each published version a summary of changes and the SHA-256 of its English text. A
-- published version never changes: the application may only insert versions.
CREATE TABLE terms.document_types (
	key              text    PRIMARY KEY,
	title_en         text    NOT NULL,
	title_ja         text,
	-- A service specification concerns one relevant service: amendments reach its holders only.
	relevant_service text,
	-- New versions must be accepted by every user before anything else (R-7.3).
	needs_acceptance boolean NOT NULL DEFAULT false,
	position         int     NOT NULL
);
GRANT SELECT, INSERT ON terms.document_types TO ${appRole};

ALTER TABLE terms.documents ALTER COLUMN title_ja DROP NOT NULL;
ALTER TABLE terms.documents ALTER COLUMN body_ja DROP NOT NULL;
ALTER TABLE terms.documents ADD COLUMN summary_en text NOT NULL DEFAULT '';
ALTER TABLE terms.documents ADD COLUMN summary_ja text;
ALTER TABLE terms.documents ADD COLUMN sha256 text;
UPDATE terms.documents SET sha256 = encode(sha256(convert_to(body_en, 'UTF8')), 'hex'),
	summary_en = 'First version.', summary_ja = '初版。';
ALTER TABLE terms.documents ALTER COLUMN sha256 SET NOT NULL;

-- The one draft per document a publisher is writing; replaced on each save, removed on publication.
CREATE TABLE terms.drafts (
	kind       text        PRIMARY KEY REFERENCES terms.document_types (key),
	title_en   text        NOT NULL,
	body_en    text        NOT NULL,
	title_ja   text,
	body_ja    text,
	summary_en text        NOT NULL,
	summary_ja text,
	updated_at timestamptz NOT NULL,
	updated_by text        NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON terms.drafts TO ${appRole};

-- Acceptances keep the SHA-256 of the exact text accepted, so a receipt can be checked.
ALTER TABLE terms.acceptances ADD COLUMN sha256 text;
UPDATE terms.acceptances a SET sha256 = d.sha256 FROM terms.documents d WHERE d.kind = a.kind AND d.version = a.version;
CREATE INDEX acceptances_version ON terms.acceptances (kind, version);

INSERT INTO terms.document_types (key, title_en, title_ja, relevant_service, needs_acceptance, position) VALUES
	('portal-terms', 'Customer Portal Terms of Use', 'カスタマーポータル利用規約', NULL, false, 1),
	('personal-information', 'Terms of Personal Information Protection for the Customer Portal',
		'カスタマーポータルにおける個人情報保護規程', NULL, true, 2),
	('spec-arcstar-universal-one', 'Service specification: Arcstar Universal One',
		'サービス仕様書：Arcstar Universal One', 'arcstar-universal-one', false, 3);
ALTER TABLE terms.documents ADD CONSTRAINT documents_type FOREIGN KEY (kind) REFERENCES terms.document_types (key);

INSERT INTO terms.documents (kind, version, title_en, title_ja, body_en, body_ja, summary_en, summary_ja, sha256,
	effective_from, published_at, published_by)
SELECT 'portal-terms', 1, 'Customer Portal Terms of Use', 'カスタマーポータル利用規約', body_en, body_ja,
	'First version.', '初版。', encode(sha256(convert_to(body_en, 'UTF8')), 'hex'),
	'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'migration'
FROM (VALUES (
E'## 1. What the portal is\n\nThe Customer Portal is a website where organisations that buy network and cloud services from the Company and its group companies look after those services in one place: they see their contracts and service instances, follow usage, place orders and manage who in their organisation may do what.\n\n## 2. Who may use it\n\nAn organisation applies once for the portal. After approval its administrators register the people who will work in the portal on its behalf and give each of them a role. Every person signs in with their own login ID, password and one-time code; sharing sign-in details is not allowed.\n\n## 3. What each side looks after\n\nThe Company runs the portal, keeps it secure and announces planned maintenance in advance. The organisation keeps its user list up to date, removes people who leave, and reports lost or stolen sign-in details at once.\n\n## 4. Information shown in the portal\n\nUsage figures and availability shown in the portal help the organisation understand its services. They are informational; each service''s own contract decides official figures and charges.\n\n## 5. Pauses and changes\n\nThe Company may pause all or part of the portal for maintenance or when these terms are broken, and tells the organisation why and for how long. When these terms change, the new version is published here with a summary and a date from which it applies, and organisations are notified.\n\n## 6. Language\n\nThese terms are written in English. Translations are offered for convenience; where they differ, the English text applies.',
E'## 1. ポータルとは\n\nカスタマーポータルは、当社およびグループ会社のネットワーク・クラウドサービスを利用する組織が、契約やサービスインスタンスの確認、利用状況の把握、注文、組織内の利用者と権限の管理を一か所で行うためのウェブサイトです。\n\n## 2. 利用できる方\n\n組織はポータルの利用を一度申し込みます。承認後、組織の管理者がポータルで作業する方を登録し、それぞれに役割を割り当てます。各利用者は自分のログインID、パスワード、ワンタイムコードでサインインします。サインイン情報の共有は認められません。\n\n## 3. それぞれの責任\n\n当社はポータルを運営し、安全に保ち、計画メンテナンスを事前にお知らせします。組織は利用者一覧を最新に保ち、退職者を削除し、サインイン情報の紛失や盗難を直ちに報告します。\n\n## 4. ポータルに表示される情報\n\nポータルに表示される利用量や稼働状況は、サービスの把握を助けるための参考情報です。正式な数値や料金は各サービスの契約によります。\n\n## 5. 停止と変更\n\n当社はメンテナンスのため、または本規約への違反があった場合に、ポータルの全部または一部を停止することがあり、その理由と期間をお知らせします。本規約を変更する場合は、新しい版を概要と適用開始日とともにここに掲載し、各組織にお知らせします。\n\n## 6. 言語\n\n本規約は英語で作成されています。翻訳は便宜のためのものであり、内容が異なる場合は英語の原文が優先します。'
)) AS t(body_en, body_ja);
