-- Window joins (Flink's docs example, plus a later window and a late row): rows are joined per window
-- when the watermark passes its end; outer joins pad the unmatched rows of each window with NULLs.
-- L0 at 12:01 arrives after the window [12:00, 12:05) fired, so it is dropped as late.
CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 12:02:00,1,L1; 2020-04-15 12:06:00,2,L2; 2020-04-15 12:03:00,3,L3
          | 2020-04-15 12:11:00,5,L5; 2020-04-15 12:13:00,5,L5b
          | 2020-04-15 12:01:00,3,L0'
);
CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 12:01:00,2,R2; 2020-04-15 12:04:00,3,R3; 2020-04-15 12:05:00,4,R4
          | 2020-04-15 12:12:00,5,R5; 2020-04-15 12:09:00,2,R2b; 2020-04-15 12:10:30,,Rnull'
);
CREATE TABLE full_sink (L_Num INT, L_Id STRING, R_Num INT, R_Id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'full');
CREATE TABLE left_sink (L_Num INT, L_Id STRING, R_Id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'left');
CREATE TABLE inner_sink (num INT, L_Id STRING, R_Id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'inner');

INSERT INTO full_sink
SELECT L.num AS L_Num, L.id AS L_Id, R.num AS R_Num, R.id AS R_Id,
       COALESCE(L.window_start, R.window_start) AS window_start, COALESCE(L.window_end, R.window_end) AS window_end
FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
FULL JOIN (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;

-- The TVFs directly in FROM, and a non-equi condition besides the keys.
INSERT INTO left_sink
SELECT L.num, L.id, R.id, L.window_start
FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) L
LEFT JOIN TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) R
ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end AND L.id <> 'L5b';

INSERT INTO inner_sink
SELECT L.num, L.id, R.id, L.window_start, L.window_end
FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) L
JOIN TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) R
ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.num = R.num;

-- A comma join whose WHERE equates the windows is a window join too.
CREATE TABLE where_sink (num INT, L_Id STRING, R_Id STRING, window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'where');
INSERT INTO where_sink
SELECT L.num, L.id, R.id, L.window_start
FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) L,
     TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES)) R
WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end AND R.id <> 'R5';
