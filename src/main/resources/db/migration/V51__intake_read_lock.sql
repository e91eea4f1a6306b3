-- Read locks of the file intake, shared by every hub node through the database. A node takes a
-- dropped file only after inserting its row here (the table and column names are the ones Camel's
-- JdbcMessageIdRepository queries), so two nodes polling one shared drop folder never read the
-- same file. message_id is the file's absolute path, which can be longer than Camel's default
-- of 100 characters. createdAt is refreshed while the file is being read, so the lock of a
-- node that died grows old and another node takes the file over.
CREATE TABLE camel_messageprocessed (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(2000) NOT NULL,
    createdAt     TIMESTAMP NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
