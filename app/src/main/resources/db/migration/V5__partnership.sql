-- Lifecycle II: certification, joint business planning, performance and evaluation, tiering and remediation,
-- renewal, deal registrations (the part offboarding needs), partner funds, termination and offboarding.

ALTER TABLE partner ADD COLUMN support_only BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE agreement ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'INITIAL';

CREATE TABLE certification (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id           BIGINT        NOT NULL,
  person_name          VARCHAR(150)  NOT NULL,
  person_email         VARCHAR(200)  NOT NULL,
  level                VARCHAR(30)   NOT NULL,
  evidence             VARCHAR(1000) NOT NULL,
  status               VARCHAR(20)   NOT NULL,
  submitted_at         DATETIME(6)   NOT NULL,
  submitted_by         VARCHAR(100)  NOT NULL,
  decided_at           DATETIME(6),
  review_comment       VARCHAR(1000),
  expires_at           DATETIME(6),
  renews_id            BIGINT,
  process_instance_key BIGINT,
  version              BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_certification_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_certification_partner ON certification (partner_id, status);
CREATE INDEX ix_certification_expiry ON certification (status, expires_at);

CREATE TABLE business_plan (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id             BIGINT        NOT NULL,
  plan_year              INT           NOT NULL,
  status                 VARCHAR(20)   NOT NULL,
  revenue_target         DECIMAL(15,2),
  share_of_sales_target  INT,
  product_lines          VARCHAR(500),
  new_customers_target   INT,
  certified_staff_target INT,
  marketing_activities_target INT,
  submitted_at           DATETIME(6),
  submitted_by           VARCHAR(100),
  reviewer_comments      VARCHAR(2000),
  approved_at            DATETIME(6),
  created_at             DATETIME(6)   NOT NULL,
  idempotency_key        VARCHAR(150)  NOT NULL,
  version                BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_business_plan_year UNIQUE (partner_id, plan_year),
  CONSTRAINT uq_business_plan_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_business_plan_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

-- What the partner actually achieved in a quarter (entered by ops or imported from the sales systems).
CREATE TABLE partner_performance (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id            BIGINT        NOT NULL,
  period                VARCHAR(7)    NOT NULL,
  revenue               DECIMAL(15,2) NOT NULL,
  share_of_sales        INT           NOT NULL,
  new_customers         INT           NOT NULL,
  marketing_activities  INT           NOT NULL,
  customer_satisfaction DECIMAL(4,1)  NOT NULL,
  segment_customers     INT           NOT NULL,
  recorded_at           DATETIME(6)   NOT NULL,
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_partner_performance UNIQUE (partner_id, period),
  CONSTRAINT fk_partner_performance_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE quarterly_review (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  plan_id               BIGINT        NOT NULL,
  quarter               INT           NOT NULL,
  period                VARCHAR(7)    NOT NULL,
  revenue_actual        DECIMAL(15,2) NOT NULL,
  revenue_target        DECIMAL(15,2),
  share_of_sales_actual INT           NOT NULL,
  new_customers_actual  INT           NOT NULL,
  certified_staff_actual INT          NOT NULL,
  marketing_activities_actual INT     NOT NULL,
  customer_satisfaction DECIMAL(4,1)  NOT NULL,
  data_missing          BOOLEAN       NOT NULL,
  recorded_at           DATETIME(6)   NOT NULL,
  idempotency_key       VARCHAR(150)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_quarterly_review UNIQUE (plan_id, quarter),
  CONSTRAINT uq_quarterly_review_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_quarterly_review_plan FOREIGN KEY (plan_id) REFERENCES business_plan (id)
);

CREATE TABLE scorecard (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id              BIGINT        NOT NULL,
  period                  VARCHAR(7)    NOT NULL,
  evaluated_at            DATETIME(6)   NOT NULL,
  revenue_attainment      DECIMAL(6,3)  NOT NULL,
  deal_close_rate         DECIMAL(6,3)  NOT NULL,
  market_penetration      DECIMAL(6,3)  NOT NULL,
  certified_staff         INT           NOT NULL,
  required_certified_staff INT          NOT NULL,
  customer_satisfaction   DECIMAL(4,1)  NOT NULL,
  current_tier            VARCHAR(20)   NOT NULL,
  non_productive          BOOLEAN       NOT NULL,
  composite_score         INT           NOT NULL,
  maturity                VARCHAR(20)   NOT NULL,
  category_rank           INT           NOT NULL,
  category_size           INT           NOT NULL,
  action                  VARCHAR(20),
  target_tier             VARCHAR(20),
  reason                  VARCHAR(500),
  outcome                 VARCHAR(30),
  idempotency_key         VARCHAR(150)  NOT NULL,
  version                 BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_scorecard_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_scorecard_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_scorecard_partner ON scorecard (partner_id, evaluated_at);

CREATE TABLE remediation (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id      BIGINT        NOT NULL,
  scorecard_id    BIGINT        NOT NULL,
  target_tier     VARCHAR(20)   NOT NULL,
  plan            VARCHAR(2000) NOT NULL,
  opened_at       DATETIME(6)   NOT NULL,
  window_ends_at  DATETIME(6)   NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  closed_at       DATETIME(6),
  idempotency_key VARCHAR(150)  NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_remediation_idempotency UNIQUE (idempotency_key),
  CONSTRAINT fk_remediation_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE deal_registration (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id         BIGINT        NOT NULL,
  customer_name      VARCHAR(200)  NOT NULL,
  customer_key       VARCHAR(200)  NOT NULL,
  customer_domain    VARCHAR(200),
  customer_tax_id    VARCHAR(40),
  country            CHAR(2)       NOT NULL,
  product_lines      VARCHAR(300)  NOT NULL,
  estimated_value    DECIMAL(15,2) NOT NULL,
  expected_close     DATE          NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  status_reason      VARCHAR(500),
  registered_at      DATETIME(6)   NOT NULL,
  exclusive_until    DATETIME(6),
  closed_at          DATETIME(6),
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_deal_registration_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_deal_registration_partner ON deal_registration (partner_id, status);
CREATE INDEX ix_deal_registration_customer ON deal_registration (customer_key, status);

-- Money the vendor holds for the partner (rebates, market development funds), frozen and settled on exit.
CREATE TABLE partner_fund (
  partner_id  BIGINT        NOT NULL,
  balance     DECIMAL(15,2) NOT NULL,
  frozen      BOOLEAN       NOT NULL DEFAULT FALSE,
  settled_at  DATETIME(6),
  version     BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (partner_id),
  CONSTRAINT fk_partner_fund_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE termination (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  partner_id         BIGINT        NOT NULL,
  trigger_type       VARCHAR(30)   NOT NULL,
  reason             VARCHAR(2000) NOT NULL,
  requested_by       VARCHAR(100)  NOT NULL,
  requested_at       DATETIME(6)   NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  deals_released     INT,
  funds_frozen       DECIMAL(15,2),
  settled_amount     DECIMAL(15,2),
  final_statement    TEXT,
  archived_at        DATETIME(6),
  completed_at       DATETIME(6),
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uq_termination_partner UNIQUE (partner_id),
  CONSTRAINT fk_termination_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
