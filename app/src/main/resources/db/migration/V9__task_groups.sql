-- Task groups a staff account belongs to beyond those of its role (see TaskGroups): comma-separated candidate
-- group ids as the BPMN names them, e.g. 'channel-legal' for the legal team. Empty or NULL: the role's only.
ALTER TABLE user_account ADD COLUMN task_groups VARCHAR(300);
