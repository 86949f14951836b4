-- Deduplication on event time: keep-last replaces the kept row when the new one is at least as late,
-- keep-first when it is earlier; the late row of user a (10:00:01) only replaces in keep-first.
CREATE TABLE clicks (usr STRING, url STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
  'connector' = 'values',
  'data' = 'a,/home,2024-01-01 10:00:02; b,/cart,2024-01-01 10:00:03 | a,/cart,2024-01-01 10:00:04; a,/late,2024-01-01 10:00:01 | b,/pay,2024-01-01 10:00:03'
);
CREATE TABLE last_click (usr STRING, url STRING, ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'last');
CREATE TABLE first_click (usr STRING, url STRING) WITH ('connector' = 'print', 'print-identifier' = 'first');

EXECUTE STATEMENT SET BEGIN
INSERT INTO last_click SELECT usr, url, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY usr ORDER BY ts DESC) AS rn FROM clicks) WHERE rn = 1;
INSERT INTO first_click SELECT usr, url FROM (SELECT usr, url, ts, ROW_NUMBER() OVER (PARTITION BY usr ORDER BY ts ASC) AS rn FROM clicks) WHERE rn <= 1;
END;
