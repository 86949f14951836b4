-- Window joins and Top-N over hopping and cumulating windows: a row belongs to several windows, so it
-- joins (and ranks) once per window it shares with the other rows, each window firing on its own end.
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'a,2024-01-01 10:00:02; b,2024-01-01 10:00:07 | a,2024-01-01 10:00:12'
);
CREATE TABLE buys (u STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'a,5,2024-01-01 10:00:06; b,7,2024-01-01 10:00:03; a,9,2024-01-01 10:00:11 | b,1,2024-01-01 10:00:14'
);
CREATE TABLE hop_join (u STRING, click_ts TIMESTAMP(3), amount INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'hop join');
CREATE TABLE cumulate_top (window_start TIMESTAMP(3), window_end TIMESTAMP(3), u STRING, amount INT, rn BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'cumulate top');

INSERT INTO hop_join
SELECT C.u, C.ts, B.amount, C.window_start, C.window_end
FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) C
JOIN TABLE(HOP(TABLE buys, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) B
ON C.u = B.u AND C.window_start = B.window_start AND C.window_end = B.window_end;

-- The biggest buy so far in each 5-second step of a 20-second day.
INSERT INTO cumulate_top
SELECT window_start, window_end, u, amount, rn
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY amount DESC) AS rn
  FROM TABLE(CUMULATE(TABLE buys, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
) WHERE rn <= 1;
