-- error: interval_join(id, ts, oid, ts) doesn't support consuming update changes which is produced by node table_source(oid, ts)
CREATE TABLE orders (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '1,2024-01-01 10:00:00');
CREATE TABLE shipments (oid INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D', 'data' = '+I,1,2024-01-01 10:00:05; -D,1,2024-01-01 10:00:05'
);
SELECT o.id, s.ts FROM orders AS o LEFT JOIN shipments AS s ON o.id = s.oid AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;
