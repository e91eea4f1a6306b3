-- Approval e-mails are queued in mail_outbox in the transaction that marks the passport sent, so
-- the claim a sending route once set on the passport row is no longer read or written.
ALTER TABLE passport DROP COLUMN send_claimed_at;
