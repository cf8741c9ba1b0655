-- Console dashboard at 50,000 partners (issue #9): indexes that answer its filtered aggregates from the index
-- alone, without reading a partner or task row per match.

-- Partners per stage with the earliest and the median stage_since, under any filter of segment, region, tier
-- and at risk: the filter is checked on the index entry, and the median is read at an offset in stage_since
-- order. Starts with (stage, stage_since), so it also does all that ix_partner_stage did.
CREATE INDEX ix_partner_stage_filters ON partner (stage, stage_since, segment, region, tier, at_risk);
DROP INDEX ix_partner_stage ON partner;

-- Open user tasks by candidate group and age (and, filtered, by partner): the open ones only, index only.
CREATE INDEX ix_user_task_open ON user_task (state, candidate_groups, created_at, due_date, partner_id);
