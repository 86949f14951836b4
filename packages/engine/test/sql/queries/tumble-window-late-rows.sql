-- Out-of-order rows within the 2 s watermark delay are counted; rows behind the watermark are dropped.
CREATE TABLE bids (bidder STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH (
  'connector' = 'values',
  'data' = 'a,1,2024-01-01 10:00:01; b,2,2024-01-01 10:00:04; a,3,2024-01-01 10:00:03
          | a,4,2024-01-01 10:00:12; b,5,2024-01-01 10:00:09
          | a,6,2024-01-01 10:00:05; b,7,2024-01-01 10:00:23
          | a,8,2024-01-01 10:00:15; b,9,2024-01-01 10:00:11'
);
CREATE TABLE out_sink (bidder STRING, bids BIGINT, total INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3))
WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT bidder, COUNT(*), SUM(price), window_start, window_end, window_time
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end, window_time;
