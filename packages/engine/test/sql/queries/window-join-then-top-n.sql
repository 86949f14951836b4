-- Window Top-N follows after Window Join: the join emits each window's pairs when it fires, and the
-- Top-N, still partitioned by the same windows, ranks them as they arrive and emits once the watermark
-- passes the same end: the biggest buy of a clicking user per window.
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = 'a,2024-01-01 10:00:02; b,2024-01-01 10:00:07 | a,2024-01-01 10:00:12');
CREATE TABLE buys (u STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = 'a,5,2024-01-01 10:00:06; b,7,2024-01-01 10:00:03; a,9,2024-01-01 10:00:11 | b,1,2024-01-01 10:00:14');
CREATE TABLE out_sink (u STRING, amount INT, ws TIMESTAMP(3), rn BIGINT) WITH ('connector' = 'print');
INSERT INTO out_sink SELECT u, amount, window_start, rn FROM (
  SELECT C.u, B.amount, C.window_start, C.window_end, ROW_NUMBER() OVER (PARTITION BY C.window_start, C.window_end ORDER BY B.amount DESC) AS rn
  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) C
  JOIN TABLE(TUMBLE(TABLE buys, DESCRIPTOR(ts), INTERVAL '10' SECOND)) B
  ON C.u = B.u AND C.window_start = B.window_start AND C.window_end = B.window_end
) WHERE rn <= 1;
