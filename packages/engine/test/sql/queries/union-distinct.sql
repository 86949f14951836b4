-- UNION is UNION ALL followed by DISTINCT: the first occurrence of each row is emitted, once.
CREATE TABLE a (k INT) WITH ('connector' = 'values', 'data' = '1; 2; 2; 3 | 4');
CREATE TABLE b (k INT) WITH ('connector' = 'values', 'data' = '2; 5 | 3');
CREATE TABLE out_sink (k INT) WITH ('connector' = 'print');

INSERT INTO out_sink SELECT k FROM a UNION SELECT k FROM b;
