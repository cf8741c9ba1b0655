-- Deal registration against channel conflict, the vendor's direct accounts, and customer contracts whose
-- renewals are offered first to the incumbent partner.

ALTER TABLE deal_registration ADD COLUMN evidence VARCHAR(1000);
ALTER TABLE deal_registration ADD COLUMN extension_count INT NOT NULL DEFAULT 0;
ALTER TABLE deal_registration ADD COLUMN process_instance_key BIGINT;
ALTER TABLE deal_registration ADD COLUMN contract_id BIGINT;
ALTER TABLE deal_registration ADD COLUMN decision_rule VARCHAR(150);
ALTER TABLE deal_registration ADD COLUMN registered_by VARCHAR(100);
ALTER TABLE deal_registration ADD COLUMN last_extension_key VARCHAR(150);
CREATE INDEX ix_deal_registration_domain ON deal_registration (customer_domain, status);
CREATE INDEX ix_deal_registration_tax ON deal_registration (customer_tax_id, status);

CREATE TABLE direct_account (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  name         VARCHAR(200) NOT NULL,
  customer_key VARCHAR(200) NOT NULL,
  domain       VARCHAR(200),
  tax_id       VARCHAR(40),
  PRIMARY KEY (id)
);
CREATE INDEX ix_direct_account_key ON direct_account (customer_key);
CREATE INDEX ix_direct_account_domain ON direct_account (domain);
CREATE INDEX ix_direct_account_tax ON direct_account (tax_id);

CREATE TABLE customer_contract (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  customer_name        VARCHAR(200)  NOT NULL,
  customer_key         VARCHAR(200)  NOT NULL,
  customer_domain      VARCHAR(200),
  customer_tax_id      VARCHAR(40),
  country              CHAR(2)       NOT NULL,
  product_lines        VARCHAR(300)  NOT NULL,
  annual_value         DECIMAL(15,2) NOT NULL,
  incumbent_partner_id BIGINT        NOT NULL,
  ends_on              DATE          NOT NULL,
  renewal_status       VARCHAR(20)   NOT NULL,
  process_instance_key BIGINT,
  version              BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_customer_contract_partner FOREIGN KEY (incumbent_partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_customer_contract_renewal ON customer_contract (renewal_status, ends_on);
CREATE INDEX ix_customer_contract_key ON customer_contract (customer_key);

-- One row per customer identifier (folded name, web domain, tax id). Registrations lock the rows of their
-- identifiers, in order, so registrations of the same customer are stored one after the other.
CREATE TABLE customer_identifier_lock (
  identifier VARCHAR(220) NOT NULL,
  PRIMARY KEY (identifier)
);
