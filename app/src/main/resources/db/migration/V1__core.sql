-- Core tables. Written once for MySQL 8 / MariaDB and H2 in MySQL mode.

CREATE TABLE partner (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  legal_name       VARCHAR(200) NOT NULL,
  country          CHAR(2)      NOT NULL,
  region           VARCHAR(40)  NOT NULL,
  segment          VARCHAR(30)  NOT NULL,
  domain_expertise VARCHAR(500) NOT NULL,
  tier             VARCHAR(20),
  stage            VARCHAR(20)  NOT NULL,
  stage_since      DATETIME(6)  NOT NULL,
  at_risk          BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at       DATETIME(6)  NOT NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
CREATE INDEX ix_partner_stage ON partner (stage, stage_since);
CREATE INDEX ix_partner_tier ON partner (tier);
CREATE INDEX ix_partner_segment_region ON partner (segment, region);
CREATE INDEX ix_partner_legal_name ON partner (legal_name);

CREATE TABLE user_account (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(100) NOT NULL,
  password_hash VARCHAR(100),
  display_name  VARCHAR(150) NOT NULL,
  email         VARCHAR(200) NOT NULL,
  role          VARCHAR(20)  NOT NULL,
  partner_id    BIGINT,
  enabled       BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at    DATETIME(6)  NOT NULL,
  version       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_user_account_username UNIQUE (username),
  CONSTRAINT fk_user_account_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_user_account_partner ON user_account (partner_id);

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE lifecycle_event (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  partner_id           BIGINT       NOT NULL,
  occurred_at          DATETIME(6)  NOT NULL,
  actor_type           VARCHAR(20)  NOT NULL,
  actor                VARCHAR(100) NOT NULL,
  event_type           VARCHAR(60)  NOT NULL,
  stage_from           VARCHAR(20),
  stage_to             VARCHAR(20),
  process_instance_key BIGINT,
  bpmn_process_id      VARCHAR(100),
  process_version      INT,
  element_id           VARCHAR(100),
  payload              TEXT,
  idempotency_key      VARCHAR(150),
  PRIMARY KEY (id),
  CONSTRAINT uq_lifecycle_event_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_lifecycle_event_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_lifecycle_event_partner ON lifecycle_event (partner_id, occurred_at, id);
CREATE INDEX ix_lifecycle_event_time ON lifecycle_event (occurred_at, id);
CREATE INDEX ix_lifecycle_event_type ON lifecycle_event (event_type, occurred_at);
CREATE INDEX ix_lifecycle_event_actor ON lifecycle_event (actor, occurred_at);

CREATE TABLE user_task (
  user_task_key        BIGINT       NOT NULL,
  process_instance_key BIGINT       NOT NULL,
  bpmn_process_id      VARCHAR(100) NOT NULL,
  process_version      INT          NOT NULL,
  element_id           VARCHAR(100) NOT NULL,
  element_instance_key BIGINT       NOT NULL,
  form_key             VARCHAR(200),
  candidate_groups     VARCHAR(300),
  assignee             VARCHAR(100),
  priority             INT,
  due_date             DATETIME(6),
  partner_id           BIGINT,
  state                VARCHAR(20)  NOT NULL,
  created_at           DATETIME(6)  NOT NULL,
  updated_at           DATETIME(6)  NOT NULL,
  ended_at             DATETIME(6),
  version              BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (user_task_key)
);
CREATE INDEX ix_user_task_state ON user_task (state, created_at);
CREATE INDEX ix_user_task_partner ON user_task (partner_id, state);
CREATE INDEX ix_user_task_instance ON user_task (process_instance_key);
