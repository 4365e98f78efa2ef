-- A vote belongs to the version of the hypothesis it was cast on: refining H1 posts v2 as a message of its own and
-- v1 keeps its votes. Votes cast before this migration counted for the latest version, so they go to it.
ALTER TABLE votes ADD COLUMN version INT DEFAULT 1 NOT NULL;
UPDATE votes v SET version = COALESCE((SELECT MAX(h.version) FROM hypotheses h
    WHERE h.research_id = v.research_id AND h.hypothesis_id = v.hypothesis_id), 1);
ALTER TABLE votes DROP CONSTRAINT votes_pkey;
ALTER TABLE votes ADD PRIMARY KEY (research_id, hypothesis_id, version, voter);
