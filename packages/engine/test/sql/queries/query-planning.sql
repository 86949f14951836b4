CREATE TABLE orders (id INT, customer STRING, amount INT) WITH (
  'connector' = 'values',
  'data' = '1,ann,10; 2,bob,20; 3,ann,30 | 4,cid,40; 5,bob,50'
);
CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount >= 30;
CREATE TABLE out_sink (id INT, who STRING, amount INT) WITH ('connector' = 'print', 'print-identifier' = 'union');

INSERT INTO out_sink
WITH small AS (SELECT o.* FROM orders AS o WHERE o.amount < 30),
     tagged AS (SELECT id, customer || '!' AS who, amount FROM small)
SELECT id, who, amount FROM tagged
UNION ALL
SELECT b.id + 100, b.customer, b.amount * 2 FROM (SELECT * FROM big_orders) AS b;

SELECT DISTINCT customer FROM orders;
