-- SESSION window TVF with PARTITION BY: sessions per bidder; a row behind the watermark (10:00:06) still joins the open session it touches, while the fired one stays fired.
CREATE TABLE bids (bidder BIGINT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,10,2024-01-01 10:00:00; 2,20,2024-01-01 10:00:01; 1,30,2024-01-01 10:00:12
          | 1,5,2024-01-01 10:00:06; 2,7,2024-01-01 10:00:40'
);

SELECT bidder, COUNT(*) AS n, SUM(price) AS total, window_start, window_end, window_time
FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '7' SECOND))
GROUP BY bidder, window_start, window_end, window_time;
