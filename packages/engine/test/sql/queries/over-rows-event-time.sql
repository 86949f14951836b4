-- Event-time ROWS OVER: each row sees itself and the 2 rows before it in rowtime order; rows with one
-- rowtime (b at 10:00:03) are not peers but follow each other in arrival order. Several aggregates
-- share the window; MIN and MAX forget the rows that leave it. No PARTITION BY: one partition.
CREATE TABLE bids (bidder STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
  'connector' = 'values',
  'data' = 'a,9,2024-01-01 10:00:01; b,2,2024-01-01 10:00:03; c,7,2024-01-01 10:00:02
          | b,1,2024-01-01 10:00:03; a,8,2024-01-01 10:00:09; c,3,2024-01-01 10:00:12
          | a,4,2024-01-01 10:00:10'
);
CREATE TABLE out_sink (bidder STRING, price INT, ts TIMESTAMP(3), total INT, lowest INT, highest INT, n BIGINT, avg_price INT, first_bidder STRING, last_bidder STRING)
WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT bidder, price, ts,
  SUM(price) OVER w, MIN(price) OVER w, MAX(price) OVER w, COUNT(*) OVER w, AVG(price) OVER w,
  FIRST_VALUE(bidder) OVER w, LAST_VALUE(bidder) OVER w
FROM bids
WINDOW w AS (ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);
