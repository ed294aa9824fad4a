-- Session ids are 256 random bits in base64url (43 characters), wider than a UUID.
ALTER TABLE platform.spring_session ALTER COLUMN session_id TYPE varchar(64);
