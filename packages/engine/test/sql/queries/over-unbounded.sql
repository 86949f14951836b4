-- UNBOUNDED PRECEDING: running aggregates per partition. RANGE makes rows of one rowtime peers (u1 and
-- U1 at 10:00:02 both count 3 clicks); ROWS counts them one by one. The short frame form, a WHERE,
-- `*`, an expression over the aggregate and a computed PARTITION BY all go through the same path.
CREATE TABLE clicks (usr STRING, url STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = 'u1,/a,2024-01-01 10:00:01; u2,/b,2024-01-01 10:00:01; u1,/c,2024-01-01 10:00:02; U1,/d,2024-01-01 10:00:02
          | u2,/x,2024-01-01 10:00:03; u1,/e,2024-01-01 10:00:05'
);
CREATE TABLE range_sink (usr STRING, url STRING, ts TIMESTAMP(3), clicks BIGINT, urls STRING) WITH ('connector' = 'print', 'print-identifier' = 'range');
CREATE TABLE rows_sink (usr STRING, url STRING, ts TIMESTAMP(3), clicks_x10 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'rows');

INSERT INTO range_sink
SELECT *, COUNT(*) OVER w, LISTAGG(url) OVER w FROM clicks WHERE url <> '/x'
WINDOW w AS (PARTITION BY LOWER(usr) ORDER BY ts RANGE UNBOUNDED PRECEDING);

INSERT INTO rows_sink
SELECT c.*, COUNT(url) OVER (PARTITION BY LOWER(c.usr) ORDER BY c.ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) * 10 FROM clicks AS c;
