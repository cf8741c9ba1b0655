-- Several app instances dispatch the same outbox: an instance claims a row (PENDING -> SENDING, claimed_at set)
-- in its own committed update before it sends, so no other instance sends it too. A claim older than the
-- claim timeout (its instance died while sending) is released back to PENDING.
ALTER TABLE notification ADD COLUMN claimed_at DATETIME(6);
