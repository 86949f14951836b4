CREATE TABLE sales (region STRING, product STRING, amount INT) WITH (
  'connector' = 'values',
  'data' = 'eu,tea,1; eu,jam,2; us,tea,4'
);
CREATE TABLE out_sink (region STRING, product STRING, total INT, g_region BIGINT, g_both BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT region, product, SUM(amount), GROUPING(region), GROUPING(region, product)
FROM sales
GROUP BY ROLLUP(region, product);
