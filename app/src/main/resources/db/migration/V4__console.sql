-- Staff console: indexes for the dashboard's and the partner list's queries at 50,000 partners.
-- (The audit search runs on the lifecycle_event indexes of V1: time, type, actor and partner, each with time.)

-- partners at risk, longest in their stage first
CREATE INDEX ix_partner_at_risk ON partner (at_risk, stage_since);
-- the partner list, latest stage change first, without a stage filter
CREATE INDEX ix_partner_stage_since ON partner (stage_since);
-- the region filter and its list of regions (SELECT DISTINCT region)
CREATE INDEX ix_partner_region ON partner (region);
-- partners with an event of a type (the dashboard: partners still onboarding after an SLA breach)
CREATE INDEX ix_lifecycle_event_type_partner ON lifecycle_event (event_type, partner_id);
