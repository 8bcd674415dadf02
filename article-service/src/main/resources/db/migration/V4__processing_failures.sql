-- A stage that gave up on the article, why, and when. Cleared when the same stage later succeeds.
ALTER TABLE article ADD COLUMN failed_stage   TEXT;
ALTER TABLE article ADD COLUMN failure_reason TEXT;
ALTER TABLE article ADD COLUMN failed_at      TIMESTAMPTZ;
