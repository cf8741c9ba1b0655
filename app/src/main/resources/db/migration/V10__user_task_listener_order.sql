-- The listener job a user task row last applied: a listener job delivered again, or late after a later
-- transition, is recognised by its smaller (or equal) key and changes nothing.
ALTER TABLE user_task ADD COLUMN last_listener_job_key BIGINT;
