-- One row that imports and rematches of demand signals lock for the rest of their transaction.
-- A rematch deletes every stored match and inserts the new ones. Two rematches at once, from the
-- sync route and an upload or from two hub nodes, would insert the same match twice.
-- SELECT ... FOR UPDATE on this row works alike on H2 and PostgreSQL.
CREATE TABLE demand_lock (
    id INT PRIMARY KEY
);

INSERT INTO demand_lock (id) VALUES (1);
