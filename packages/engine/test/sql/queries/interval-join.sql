-- Interval joins: bounds include their edges (BETWEEN) or exclude them (<); state leaves with the watermark,
-- so the late click at 10:00:12 no longer finds the order at 10:00:15 it would have matched.
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'u1,2024-01-01 10:00:10; u2,2024-01-01 10:00:10 | u1,2024-01-01 10:00:30 | u1,2024-01-01 10:00:12'
);
CREATE TABLE orders (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'u1,2024-01-01 10:00:05; u1,2024-01-01 10:00:15; u1,2024-01-01 10:00:04; u2,2024-01-01 10:00:16
          | u1,2024-01-01 10:00:07 | u1,2024-01-01 10:00:29'
);
CREATE TABLE within_5s (u STRING, click_ts TIMESTAMP(3), order_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'between');
CREATE TABLE within_3s (u STRING, click_ts TIMESTAMP(3), order_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'half-open');

INSERT INTO within_5s
SELECT c.u, c.ts, o.ts FROM clicks AS c JOIN orders AS o
ON c.u = o.u AND o.ts BETWEEN c.ts - INTERVAL '5' SECOND AND c.ts + INTERVAL '5' SECOND;

INSERT INTO within_3s
SELECT c.u, c.ts, o.ts FROM clicks AS c JOIN orders AS o
ON c.u = o.u AND c.ts >= o.ts AND c.ts < o.ts + INTERVAL '3' SECOND;

-- The same bounds in the WHERE of a comma join make it an interval join too.
CREATE TABLE within_3s_where (u STRING, click_ts TIMESTAMP(3), order_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'where');
INSERT INTO within_3s_where
SELECT c.u, c.ts, o.ts FROM clicks AS c, orders AS o
WHERE c.u = o.u AND c.ts >= o.ts AND c.ts < o.ts + INTERVAL '3' SECOND;
