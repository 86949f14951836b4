-- error: OVER windows' ordering in stream mode must be defined on a time attribute.
CREATE TABLE orders (id INT, product STRING, amount INT, ts TIMESTAMP(3)) WITH ('connector' = 'values', 'data' = '1,p,1,2024-01-01 10:00:00');
CREATE TABLE out_sink (id INT, total INT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT id, SUM(amount) OVER (PARTITION BY product ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM orders;
