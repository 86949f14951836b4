-- Nexmark q5's shape: a window aggregate grouped by the window_start and window_end of another
-- window aggregate aggregates each of its windows once (insert-only) instead of revising a regular
-- aggregate, and the window join with it emits the hottest auctions of each hopping window.
CREATE TABLE bid (auction BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:01; 2,2024-01-01 10:00:02; 1,2024-01-01 10:00:03 | 2,2024-01-01 10:00:06; 2,2024-01-01 10:00:07; 3,2024-01-01 10:00:08
          | 3,2024-01-01 10:00:12'
);
CREATE TABLE max_bids (maxn BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'max');
CREATE TABLE hot_items (auction BIGINT, num BIGINT, starttime TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'hot');

CREATE VIEW auction_bids AS
SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;

INSERT INTO max_bids
SELECT MAX(num) AS maxn, starttime, endtime FROM auction_bids GROUP BY starttime, endtime;

INSERT INTO hot_items
SELECT A.auction, A.num, A.starttime
FROM auction_bids A
JOIN (SELECT MAX(num) AS maxn, starttime, endtime FROM auction_bids GROUP BY starttime, endtime) M
ON A.starttime = M.starttime AND A.endtime = M.endtime AND A.num >= M.maxn;
