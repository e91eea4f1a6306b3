-- Read locks of the file intake, shared by every hub node through the database. A node reads a
-- dropped file only after inserting the file's row here, which fails on every other node, so two
-- nodes polling one shared drop folder never read the same file. lock_key is the file's absolute
-- path. locked_at is refreshed while the node works on the file, so the lock of a node that died
-- grows old and another node takes the file over. This replaces camel_messageprocessed, whose
-- check-then-insert let two racing nodes both take one file.
CREATE TABLE intake_read_lock (
    lock_key  VARCHAR(2000) PRIMARY KEY,
    node      VARCHAR(100) NOT NULL,
    locked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

DROP TABLE camel_messageprocessed;
