-- Keep-first on processing time is insert-only: the first row per key, nothing after.
CREATE TABLE clicks (usr STRING, url STRING, pt AS PROCTIME()) WITH (
  'connector' = 'values',
  'data' = 'a,/home; b,/cart | a,/cart; b,/pay; c,/home'
);
CREATE TABLE first_click (usr STRING, url STRING) WITH ('connector' = 'print');

INSERT INTO first_click SELECT usr, url FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY usr ORDER BY pt) AS rn FROM clicks) WHERE rn = 1;
