-- Legacy group windows as in Nexmark q11: sessions per bidder with a 10 s gap; a late row bridges nothing.
CREATE TABLE bids (bidder BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:00; 2,2024-01-01 10:00:02; 1,2024-01-01 10:00:08
          | 1,2024-01-01 10:00:30; 2,2024-01-01 10:00:05
          | 1,2024-01-01 10:00:19; 2,2024-01-01 10:00:45; 1,2024-01-01 10:00:01'
);
CREATE TABLE out_sink (bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3), rt TIMESTAMP(3)) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT B.bidder, COUNT(*), SESSION_START(B.ts, INTERVAL '10' SECOND), SESSION_END(B.ts, INTERVAL '10' SECOND), SESSION_ROWTIME(B.ts, INTERVAL '10' SECOND)
FROM bids B
GROUP BY B.bidder, SESSION(B.ts, INTERVAL '10' SECOND);
