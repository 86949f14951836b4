-- error: Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window.
CREATE TABLE orders (id INT, product STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '1,p,1,2024-01-01 10:00:00');
CREATE TABLE out_sink (id INT, last5 INT, last_hour INT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT id,
  SUM(amount) OVER (PARTITION BY product ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW),
  SUM(amount) OVER (PARTITION BY product ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
FROM orders;
