-- Web accounts: people, invitations and sessions. Invite codes and session tokens are kept as their SHA-256 only,
-- passwords as Argon2id hashes. Times are epoch milliseconds.

CREATE TABLE people (
    id            VARCHAR(32) PRIMARY KEY,
    name          VARCHAR(60) NOT NULL,
    name_key      VARCHAR(60) NOT NULL UNIQUE,
    role          VARCHAR(16) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE invites (
    code_hash  VARCHAR(64) PRIMARY KEY,
    role       VARCHAR(16) NOT NULL,
    created_by VARCHAR(32) NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

CREATE TABLE sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    person_id  VARCHAR(32) NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL
);
