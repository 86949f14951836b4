-- NULLs come from NULLIF and CASE; WHERE keeps a row only when its condition is TRUE.
CREATE TABLE numbers (id INT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6'
);

CREATE VIEW maybe AS
SELECT id, NULLIF(MOD(id, 3), 0) AS m, CASE WHEN id % 2 = 0 THEN NULL ELSE id > 2 END AS b
FROM numbers;

CREATE TABLE out_sink (id INT, m INT, b BOOLEAN, b_and BOOLEAN, b_or BOOLEAN, not_b BOOLEAN, m_null BOOLEAN, m_in BOOLEAN)
WITH ('connector' = 'print', 'print-identifier' = 'tvl');

INSERT INTO out_sink
SELECT id, m, b, b AND m > 1, b OR m > 1, NOT b, m IS NULL, m IN (2, NULL)
FROM maybe
WHERE b IS NOT FALSE OR m IS NULL;
