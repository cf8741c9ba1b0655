-- Partner portal: partner admins, one-time account links (invitations and password resets), uploaded documents.

-- A partner admin may invite colleagues of the same company. The first user of each existing partner becomes one.
ALTER TABLE user_account ADD COLUMN partner_admin BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE user_account SET partner_admin = TRUE
 WHERE role = 'PARTNER'
   AND id IN (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM user_account
                                     WHERE role = 'PARTNER' GROUP BY partner_id) AS firsts);

-- One-time links mailed to a user: only the SHA-256 of the random token is stored, never the token itself.
CREATE TABLE account_token (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  user_account_id BIGINT       NOT NULL,
  purpose         VARCHAR(20)  NOT NULL,
  token_sha256    CHAR(64)     NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  expires_at      DATETIME(6)  NOT NULL,
  used_at         DATETIME(6),
  revoked_at      DATETIME(6),
  idempotency_key VARCHAR(150),
  version         BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_account_token_sha256 UNIQUE (token_sha256),
  CONSTRAINT uq_account_token_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_account_token_user FOREIGN KEY (user_account_id) REFERENCES user_account (id)
);
CREATE INDEX ix_account_token_user ON account_token (user_account_id, purpose, created_at);
CREATE INDEX ix_account_token_open ON account_token (purpose, used_at, revoked_at, expires_at);

-- Documents a partner uploads (tax certificate, bank letter ...). The bytes live in partner.documents.dir,
-- under a server-chosen name; this is what is known about them.
CREATE TABLE partner_document (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  partner_id    BIGINT       NOT NULL,
  kind          VARCHAR(30)  NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  storage_key   VARCHAR(100) NOT NULL,
  uploaded_at   DATETIME(6)  NOT NULL,
  uploaded_by   VARCHAR(100) NOT NULL,
  submitted_at  DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT uq_partner_document_storage UNIQUE (storage_key),
  CONSTRAINT fk_partner_document_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_partner_document_partner ON partner_document (partner_id, uploaded_at);
