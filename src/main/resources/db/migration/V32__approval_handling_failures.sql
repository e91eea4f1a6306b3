-- Failed attempts to handle one message of the approval mailbox since its last success. The
-- count lives in the database so that every hub node and a restarted node see the same number
-- of attempts before the message is set aside (hub.approval.max-handling-attempts).
-- message_id is the Message-ID header as written, or the id the hub derives for a message
-- without one. last_error has addresses removed.
CREATE TABLE approval_handling_failure (
    message_id     VARCHAR(998) PRIMARY KEY,
    attempts       INT NOT NULL,
    last_error     VARCHAR(2000),
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
