-- Window deduplication (Flink's docs example): the last bid of each window, and the first bid per
-- supplier and window, emitted once when the watermark passes the window's end. Rows arrive out of
-- order: the bid at 08:04, after those at 08:05 and 08:08, becomes the first of supplier1; the one at
-- 08:15, after 08:17, is not the last. The bid at 08:01 comes after the window [08:00, 08:10) fired
-- and is dropped as late.
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '2020-04-15 08:05:00,4.00,A,supplier1; 2020-04-15 08:06:00,4.00,C,supplier2; 2020-04-15 08:08:00,2.00,G,supplier1
          | 2020-04-15 08:04:00,2.00,B,supplier1; 2020-04-15 08:09:00,5.00,D,supplier4; 2020-04-15 08:11:00,2.00,B,supplier3; 2020-04-15 08:13:00,1.00,E,supplier1
          | 2020-04-15 08:01:00,9.00,X,supplier1; 2020-04-15 08:17:00,6.00,F,supplier5; 2020-04-15 08:15:00,3.00,H,supplier1'
);
CREATE TABLE last_bids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), rownum BIGINT)
WITH ('connector' = 'print', 'print-identifier' = 'keep last');
CREATE TABLE first_bids (supplier_id STRING, item STRING, bidtime TIMESTAMP(3), window_start TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'keep first');

INSERT INTO last_bids
SELECT *
FROM (
  SELECT bidtime, price, item, supplier_id, window_start, window_end,
    ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
  FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rownum <= 1;

INSERT INTO first_bids
SELECT supplier_id, item, bidtime, window_start
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, supplier_id ORDER BY bidtime) AS rn
  FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rn = 1;
