-- Window Top-N (Flink's docs examples): each window's top rows are emitted once, when the watermark
-- passes the window's end. The rows arrive out of order in three batches; the bid at 08:04 comes
-- after the window [08:00, 08:10) fired and is dropped as late.
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 08:05:00,4.00,A,supplier1; 2020-04-15 08:07:00,2.00,G,supplier1; 2020-04-15 08:06:00,4.00,C,supplier2
          | 2020-04-15 08:09:00,5.00,D,supplier4; 2020-04-15 08:08:00,2.00,B,supplier3; 2020-04-15 08:11:00,2.00,B,supplier3; 2020-04-15 08:13:00,1.00,E,supplier1
          | 2020-04-15 08:04:00,9.00,X,supplier9; 2020-04-15 08:17:00,6.00,F,supplier5; 2020-04-15 08:15:00,3.00,H,supplier2'
);
CREATE TABLE after_aggregate (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, price DECIMAL(38, 2), cnt BIGINT, rownum BIGINT)
WITH ('connector' = 'print', 'print-identifier' = 'after aggregate');
CREATE TABLE over_tvf (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), rownum BIGINT)
WITH ('connector' = 'print', 'print-identifier' = 'over tvf');
CREATE TABLE dense_ranks (item STRING, price DECIMAL(10, 2), window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'dense rank');

-- Window Top-N follows after Window Aggregation.
INSERT INTO after_aggregate
SELECT *
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
  FROM (
    SELECT window_start, window_end, supplier_id, SUM(price) AS price, COUNT(*) AS cnt
    FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
    GROUP BY window_start, window_end, supplier_id
  )
) WHERE rownum <= 3;

-- Window Top-N follows after Windowing TVF.
INSERT INTO over_tvf
SELECT *
FROM (
  SELECT bidtime, price, item, supplier_id, window_start, window_end,
    ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
  FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rownum <= 3;

-- DENSE_RANK keeps every row of the two best prices, ties included; the rank column is not selected.
INSERT INTO dense_ranks
SELECT item, price, window_start
FROM (
  SELECT item, price, window_start, window_end,
    DENSE_RANK() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS r
  FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE r <= 2;
