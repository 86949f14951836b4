-- Window semi and anti joins (Flink's docs examples): IN / EXISTS whose subquery equates the window
-- columns keep the left rows with (or, negated, without) a match in the same window. The unqualified
-- `num` the IN subqueries select is their own column, not the outer one (the inner scope comes first).
CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 12:02:00,1,L1; 2020-04-15 12:06:00,2,L2; 2020-04-15 12:03:00,3,L3; 2020-04-15 12:04:00,,Lnull'
);
CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 12:01:00,2,R2; 2020-04-15 12:04:00,3,R3; 2020-04-15 12:05:00,4,R4'
);
CREATE TABLE in_sink (id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'in');
CREATE TABLE exists_sink (id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'exists');
CREATE TABLE not_in_sink (id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'not in');
CREATE TABLE not_exists_sink (id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'not exists');

INSERT INTO in_sink
SELECT id, window_start, window_end, window_time
FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
WHERE L.num IN (
  SELECT num FROM (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
  WHERE L.window_start = R.window_start AND L.window_end = R.window_end);

INSERT INTO exists_sink
SELECT id, window_start
FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) L
WHERE EXISTS (
  SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) R
  WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);

-- NOT IN over nullable columns: the row whose num is NULL is not known to be absent, so it is not kept.
INSERT INTO not_in_sink
SELECT id, window_start
FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
WHERE L.num NOT IN (
  SELECT num FROM (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
  WHERE L.window_start = R.window_start AND L.window_end = R.window_end);

INSERT INTO not_exists_sink
SELECT id, window_start
FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
WHERE NOT EXISTS (
  SELECT * FROM (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
  WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);
