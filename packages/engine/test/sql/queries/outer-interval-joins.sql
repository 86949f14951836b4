-- Outer interval joins: an order meets the shipments of the 10 seconds after it; a row of an outer
-- side that never met a partner is emitted padded with NULLs once the watermark shows it no longer
-- can (an order at t when the watermark reaches t + 10 s, a shipment at t when it reaches t).
-- The output stays insert-only: a padded row is never retracted.
CREATE TABLE orders (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:00; 2,2024-01-01 10:00:01; 3,2024-01-01 10:00:02 | 4,2024-01-01 10:00:15 | 5,2024-01-01 10:00:30'
);
CREATE TABLE shipments (oid INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:05; 9,2024-01-01 10:00:03 | 2,2024-01-01 10:00:20; 3,2024-01-01 10:00:12 | 4,2024-01-01 10:00:40'
);
CREATE TABLE left_out (id INT, order_ts TIMESTAMP(3), oid INT, ship_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'left');
CREATE TABLE right_out (id INT, order_ts TIMESTAMP(3), oid INT, ship_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'right');
CREATE TABLE full_out (id INT, order_ts TIMESTAMP(3), oid INT, ship_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'full');

INSERT INTO left_out
SELECT o.id, o.ts, s.oid, s.ts FROM orders AS o LEFT JOIN shipments AS s
ON o.id = s.oid AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;

INSERT INTO right_out
SELECT o.id, o.ts, s.oid, s.ts FROM orders AS o RIGHT JOIN shipments AS s
ON o.id = s.oid AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;

INSERT INTO full_out
SELECT o.id, o.ts, s.oid, s.ts FROM orders AS o FULL OUTER JOIN shipments AS s
ON o.id = s.oid AND s.ts >= o.ts AND s.ts <= o.ts + INTERVAL '10' SECOND;
