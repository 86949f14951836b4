-- GROUP BY window_start, window_end over a window aggregate's output stays a window aggregation
-- (Flink's window-attached windowing): each window's result is emitted once, +I, when the
-- watermark passes its end, not revised row by row as a regular GROUP BY would.
CREATE TABLE bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,10,2024-01-01 10:00:01; 2,20,2024-01-01 10:00:02; 1,30,2024-01-01 10:00:03 | 1,5,2024-01-01 10:00:04; 3,7,2024-01-01 10:00:12 | 3,8,2024-01-01 10:00:13; 2,9,2024-01-01 10:00:25'
);
CREATE TABLE out_sink (ws TIMESTAMP(3), we TIMESTAMP(3), max_bids BIGINT, auctions BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT window_start, window_end, MAX(num), COUNT(*)
FROM (
  SELECT auction, COUNT(*) AS num, window_start, window_end
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
)
GROUP BY window_start, window_end;
