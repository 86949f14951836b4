-- A window TVF read as a table: one row per window holding the row, with the window columns.
CREATE TABLE bids (item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values', 'data' = 'a,2024-01-01 10:00:03; b,2024-01-01 10:00:07'
);
CREATE TABLE out_sink (item STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3)) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT item, window_start, window_end, window_time
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND));
