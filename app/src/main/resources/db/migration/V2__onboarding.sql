-- Lifecycle I: application, partner brief, agreement and signatures, company profile, training, notifications.

CREATE TABLE partner_application (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id              BIGINT        NOT NULL,
  contact_name            VARCHAR(150)  NOT NULL,
  contact_email           VARCHAR(200)  NOT NULL,
  regions                 VARCHAR(300)  NOT NULL,
  domain_expertise        VARCHAR(500)  NOT NULL,
  customer_base           INT           NOT NULL,
  certifications_held     INT           NOT NULL,
  expected_annual_revenue DECIMAL(15,2) NOT NULL,
  motivation              VARCHAR(2000) NOT NULL,
  submitted_at            DATETIME(6)   NOT NULL,
  process_instance_key    BIGINT,
  fit_score               INT,
  fit_route               VARCHAR(20),
  decision_reason         VARCHAR(1000),
  PRIMARY KEY (id),
  CONSTRAINT uq_partner_application_partner UNIQUE (partner_id),
  CONSTRAINT fk_partner_application_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE partner_brief (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  partner_id      BIGINT       NOT NULL,
  segment         VARCHAR(30)  NOT NULL,
  content         TEXT         NOT NULL,
  generated_at    DATETIME(6)  NOT NULL,
  acknowledged_at DATETIME(6),
  acknowledged_by VARCHAR(100),
  idempotency_key VARCHAR(150) NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_partner_brief_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_partner_brief_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_partner_brief_partner ON partner_brief (partner_id, generated_at);

CREATE TABLE agreement (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id        BIGINT        NOT NULL,
  revision          INT           NOT NULL,
  status            VARCHAR(30)   NOT NULL,
  tier              VARCHAR(20)   NOT NULL,
  territory         VARCHAR(300)  NOT NULL,
  term_months       INT           NOT NULL,
  document          TEXT          NOT NULL,
  document_sha256   CHAR(64)      NOT NULL,
  requested_changes VARCHAR(2000),
  created_at        DATETIME(6)   NOT NULL,
  effective_from    DATE,
  expires_on        DATE,
  idempotency_key   VARCHAR(150)  NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_agreement_revision UNIQUE (partner_id, revision),
  CONSTRAINT uq_agreement_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_agreement_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_agreement_expiry ON agreement (status, expires_on);

CREATE TABLE agreement_signature (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  agreement_id    BIGINT       NOT NULL,
  party           VARCHAR(20)  NOT NULL,
  signer_name     VARCHAR(150) NOT NULL,
  signer_username VARCHAR(100) NOT NULL,
  consent         BOOLEAN      NOT NULL,
  signed_at       DATETIME(6)  NOT NULL,
  client_address  VARCHAR(64),
  document_sha256 CHAR(64)     NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_agreement_signature_party UNIQUE (agreement_id, party),
  CONSTRAINT fk_agreement_signature_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);

CREATE TABLE company_profile (
  partner_id       BIGINT       NOT NULL,
  registered_address VARCHAR(500) NOT NULL,
  tax_id           VARCHAR(40)  NOT NULL,
  bank_account_holder VARCHAR(150) NOT NULL,
  iban             VARCHAR(34)  NOT NULL,
  website          VARCHAR(200),
  employees        INT,
  submitted_at     DATETIME(6)  NOT NULL,
  submitted_by     VARCHAR(100) NOT NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (partner_id),
  CONSTRAINT fk_company_profile_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE training_assignment (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  partner_id   BIGINT       NOT NULL,
  module_code  VARCHAR(40)  NOT NULL,
  title        VARCHAR(200) NOT NULL,
  assigned_at  DATETIME(6)  NOT NULL,
  completed_at DATETIME(6),
  completed_by VARCHAR(100),
  version      BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_training_assignment UNIQUE (partner_id, module_code),
  CONSTRAINT fk_training_assignment_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

-- Outbox: every notification is stored first, then delivered (SMTP when configured, otherwise logged).
CREATE TABLE notification (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  partner_id      BIGINT,
  recipient       VARCHAR(200) NOT NULL,
  template        VARCHAR(60)  NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  body            TEXT         NOT NULL,
  status          VARCHAR(20)  NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  delivered_at    DATETIME(6),
  attempts        INT          NOT NULL DEFAULT 0,
  last_error      VARCHAR(500),
  idempotency_key VARCHAR(150) NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_notification_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_notification_status ON notification (status, created_at);
CREATE INDEX ix_notification_partner ON notification (partner_id, created_at);
