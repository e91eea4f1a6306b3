-- How each restricted-data finding of an unload was settled. A finding without a row here is
-- unresolved, and the publisher refuses a set while any of its findings is unresolved.
--
-- decision: 'excluded' (the column is left out of the passport and the published data) or
-- 'publish' (an analyst checked the values and decided they may be published).
CREATE TABLE finding_resolution (
    unload_id    BIGINT NOT NULL REFERENCES unload (id),
    column_index INT NOT NULL,
    decision     VARCHAR(16) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    resolved_by  VARCHAR(200) NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (unload_id, column_index)
);
