CREATE TABLE out_sink (id INT, name STRING, score DECIMAL(3, 1)) WITH ('connector' = 'print', 'print-identifier' = 'insert');

INSERT INTO out_sink VALUES (1, 'ann', 1.5), (2, 'bob', 2.0);

INSERT INTO out_sink
SELECT id + 10, UPPER(who), score
FROM (VALUES (1, 'cid', 0.5), (2, 'dan', 9.5), (3, CAST(NULL AS STRING), 1.0)) AS t(id, who, score)
WHERE id <> 2;

SELECT k, COUNT(*) AS n FROM (VALUES ('a'), ('b'), ('a')) AS v(k) GROUP BY k;
