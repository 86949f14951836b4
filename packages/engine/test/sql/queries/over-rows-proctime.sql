-- Processing-time ROWS OVER: each row is emitted on arrival with the last 2 rows of its partition.
CREATE TABLE clicks (usr STRING, dwell INT, pt AS PROCTIME()) WITH (
  'connector' = 'values',
  'data' = 'a,5; b,1; a,7 | a,3; b,4 | a,10; b,2; b,6'
);
CREATE TABLE out_sink (usr STRING, dwell INT, recent_total INT, recent_max INT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT usr, dwell, SUM(dwell) OVER w, MAX(dwell) OVER w
FROM clicks
WINDOW w AS (PARTITION BY usr ORDER BY pt ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);
