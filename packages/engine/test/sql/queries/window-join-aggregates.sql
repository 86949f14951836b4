-- A window join of two window aggregates (Nexmark q8's shape): people who opened an auction in the
-- same 10-second window as they registered. The aggregates emit when their windows fire and the
-- join emits once the watermark passes the same window end.
CREATE TABLE person (id BIGINT, name STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,ann,2024-01-01 10:00:01; 2,bob,2024-01-01 10:00:03 | 3,cid,2024-01-01 10:00:12; 1,ann,2024-01-01 10:00:14'
);
CREATE TABLE auction (seller BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '1,2024-01-01 10:00:02; 1,2024-01-01 10:00:05; 3,2024-01-01 10:00:07 | 3,2024-01-01 10:00:15; 2,2024-01-01 10:00:19'
);
CREATE TABLE out_sink (id BIGINT, name STRING, auctions BIGINT, starttime TIMESTAMP(3)) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT P.id, P.name, A.cnt, P.starttime
FROM (
  SELECT id, name, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(ts), INTERVAL '10' SECOND))
  GROUP BY id, name, window_start, window_end
) P
JOIN (
  SELECT seller, COUNT(*) AS cnt, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(ts), INTERVAL '10' SECOND))
  GROUP BY seller, window_start, window_end
) A
ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime;
