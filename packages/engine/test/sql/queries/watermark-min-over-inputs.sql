-- The window operator's watermark is the minimum over its inputs: the fast input's watermark (30 s)
-- does not make the slow input's row at 5 s late. (Counted, not listed: the order in which the two
-- inputs interleave is not defined, and differs after a restore.)
CREATE TABLE fast (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values', 'data' = 'f1,2024-01-01 10:00:01 | f2,2024-01-01 10:00:30'
);
CREATE TABLE slow (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values', 'data' = 's1,2024-01-01 10:00:02 | s2,2024-01-01 10:00:05'
);
CREATE VIEW both_inputs AS SELECT * FROM fast UNION ALL SELECT * FROM slow;
CREATE TABLE out_sink (n BIGINT, first_id STRING, last_id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT COUNT(*), MIN(id), MAX(id), window_start
FROM TABLE(TUMBLE(TABLE both_inputs, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
