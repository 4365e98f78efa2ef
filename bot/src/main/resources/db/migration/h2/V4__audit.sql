-- The audit trail: who did what (sign-ins, invitations, roles, approvals and refusals, stops). No secrets.
CREATE TABLE audit (
    seq      BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       BIGINT NOT NULL,
    who      VARCHAR(200) NOT NULL,
    platform VARCHAR(32) NOT NULL,
    address  VARCHAR(64) NOT NULL,
    action   VARCHAR(64) NOT NULL,
    detail   VARCHAR(1000) NOT NULL
);
CREATE INDEX audit_at ON audit (at);
