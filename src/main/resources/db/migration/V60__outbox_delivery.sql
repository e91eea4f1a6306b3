-- Delivery of the mail outbox: every e-mail the hub sends, approval requests and publication
-- hold notices included, is queued in mail_outbox inside the transaction that decided to send it.
-- An attempt is counted and its start written in claimed_at before the message goes to the mail
-- server, so an attempt cut short by a crash is still counted. A failed attempt sets
-- next_attempt_at, and the row is not tried again before that time (back-off).
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_mail_outbox_failed ON mail_outbox (failed_at);
