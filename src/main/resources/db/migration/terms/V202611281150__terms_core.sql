-- Versioned documents and their acceptance records (R-2.1, R-7.3). The full publishing
-- workflow builds on these tables.
CREATE SCHEMA IF NOT EXISTS terms;
GRANT USAGE ON SCHEMA terms TO ${appRole};

CREATE TABLE terms.documents (
	kind           text        NOT NULL,
	version        int         NOT NULL,
	title_en       text        NOT NULL,
	title_ja       text        NOT NULL,
	body_en        text        NOT NULL,
	body_ja        text        NOT NULL,
	effective_from timestamptz NOT NULL,
	published_at   timestamptz NOT NULL,
	published_by   text        NOT NULL,
	PRIMARY KEY (kind, version)
);
-- "The version in force" looks up the newest effective version of a kind.
CREATE INDEX documents_in_force ON terms.documents (kind, effective_from DESC);
GRANT SELECT, INSERT ON terms.documents TO ${appRole};

-- Who accepted which version when; tenant-owned, append-only.
CREATE TABLE terms.acceptances (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id uuid        NOT NULL,
	account_id  uuid        NOT NULL,
	kind        text        NOT NULL,
	version     int         NOT NULL,
	accepted_at timestamptz NOT NULL,
	actor       text        NOT NULL,
	FOREIGN KEY (kind, version) REFERENCES terms.documents (kind, version)
);
CREATE INDEX acceptances_account ON terms.acceptances (account_id, kind, version);
ALTER TABLE terms.acceptances ENABLE ROW LEVEL SECURITY;
ALTER TABLE terms.acceptances FORCE ROW LEVEL SECURITY;
CREATE POLICY acceptances_tenant ON terms.acceptances USING (platform.may_see(customer_id))
	WITH CHECK (platform.may_see(customer_id));
GRANT SELECT, INSERT ON terms.acceptances TO ${appRole};

INSERT INTO terms.documents (kind, version, title_en, title_ja, body_en, body_ja, effective_from, published_at, published_by)
VALUES ('personal-information', 1,
	'Terms of Personal Information Protection for the Customer Portal',
	'カスタマーポータルにおける個人情報保護規程',
	E'1. What we collect\nTo let you sign in and use the portal we keep three things about you: your name, your email address and your telephone number, together with the login ID the portal issues to you. We collect nothing else about you as a person.\n\n2. How we use it\nWe use this information only to run the portal for you: to identify you, to send you login information and notices, and to contact you about your organisation''s services.\n\n3. Joint use within the group\nThe Company and the group companies that provide your organisation''s services may use this information jointly, in the countries where they operate, for the same purpose. Your profile page lists those companies and countries.\n\n4. Outsourcing\nWhere we entrust storage or processing to a contractor, we choose contractors whose safeguards meet our own standard and we supervise them.\n\n5. No disclosure to others\nWe do not give this information to anyone outside the group without your consent, unless the law requires it.\n\n6. Consent and withdrawal\nYour organisation confirms your consent before registering you, and you confirm it again when you activate your account. You may withdraw at any time by deleting your registration from your profile; we then erase your name, email address and telephone number.\n\n7. Changes\nWhen these terms change, the new version is published on the portal page and you are asked to accept it.',
	E'1. 取得する情報\nポータルへのサインインとご利用のため、お名前、メールアドレス、電話番号の3点と、ポータルが発行するログインIDを保持します。これ以外の個人に関する情報は取得しません。\n\n2. 利用目的\nこれらの情報は、本人確認、ログイン情報やお知らせの送付、お客様のサービスに関するご連絡など、ポータルの提供のためにのみ利用します。\n\n3. グループ内での共同利用\n当社およびお客様のサービスを提供するグループ会社は、同じ目的のため、各社が事業を行う国・地域においてこれらの情報を共同で利用することがあります。対象の会社と国・地域はプロフィール画面に表示されます。\n\n4. 委託\n保管や処理を委託する場合は、当社と同等以上の安全管理基準を持つ委託先を選び、監督します。\n\n5. 第三者への提供\n法令に基づく場合を除き、ご本人の同意なくグループ外に提供しません。\n\n6. 同意と撤回\nお客様の組織は登録前にご本人の同意を確認し、ご本人もアカウント有効化の際に改めて同意します。プロフィール画面から登録を削除することでいつでも同意を撤回でき、その際にお名前、メールアドレス、電話番号を消去します。\n\n7. 改定\n本規程を改定した場合は、新しい版をポータルページに掲載し、改めて同意をお願いします。',
	'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'migration');
