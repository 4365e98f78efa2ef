-- People's identities on the chat platforms (a Slack or Discord user id linked to a web account), and the one-time
-- codes that link them (kept as their SHA-256). Times are epoch milliseconds.
CREATE TABLE identities (
    platform      VARCHAR(32) NOT NULL,
    platform_user VARCHAR(128) NOT NULL,
    person_id     VARCHAR(32) NOT NULL REFERENCES people (id),
    linked_at     BIGINT NOT NULL,
    PRIMARY KEY (platform, platform_user)
);

CREATE TABLE link_codes (
    code_hash     VARCHAR(64) PRIMARY KEY,
    platform      VARCHAR(32) NOT NULL,
    platform_user VARCHAR(128) NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);
