-- Event-time RANGE OVER: rows wait for the watermark and leave in rowtime order; rows of one rowtime
-- are peers (both 10:20 rows of p1 see each other); a row behind the watermark (p1 at 10:05 in the
-- third batch) is late and dropped; rows older than an hour leave the sum (p1 at 11:30).
CREATE TABLE orders (order_id INT, product STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time - INTERVAL '10' MINUTE) WITH (
  'connector' = 'values',
  'data' = '1,p1,10,2024-01-01 10:00:00; 2,p2,5,2024-01-01 10:10:00; 3,p1,20,2024-01-01 10:20:00
          | 4,p1,30,2024-01-01 10:20:00; 5,p1,1,2024-01-01 10:15:00; 6,p2,7,2024-01-01 10:40:00
          | 7,p1,99,2024-01-01 10:05:00; 8,p1,40,2024-01-01 11:10:00
          | 9,p1,50,2024-01-01 11:30:00; 10,p2,8,2024-01-01 12:00:00'
);
CREATE TABLE out_sink (order_id INT, order_time TIMESTAMP(3), amount INT, one_hour_prod_amount_sum INT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT order_id, order_time, amount,
  SUM(amount) OVER (PARTITION BY product ORDER BY order_time RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) AS one_hour_prod_amount_sum
FROM orders;
