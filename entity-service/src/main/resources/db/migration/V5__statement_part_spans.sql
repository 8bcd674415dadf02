-- Where the parts of a statement stand in the stored text: what was said, the cue, the speaker as named. Null where
-- the text has no such part (a transcript's answer has no cue words; a statement of an impersonal cue, no speaker).
ALTER TABLE statement
    ADD COLUMN content_start INT, ADD COLUMN content_end INT,
    ADD COLUMN cue_start INT, ADD COLUMN cue_end INT,
    ADD COLUMN attributed_to_start INT, ADD COLUMN attributed_to_end INT;
