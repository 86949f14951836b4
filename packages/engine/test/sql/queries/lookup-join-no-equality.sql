-- error: Temporal table join requires an equality condition on fields of table [default_catalog.default_database.products].
CREATE TABLE orders (id INT, product BIGINT, p AS PROCTIME()) WITH ('connector' = 'values', 'data' = '1,1');
CREATE TABLE products (pid BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'test/sql/data/lookup-products.csv', 'format' = 'csv');
SELECT o.id, d.name FROM orders AS o JOIN products FOR SYSTEM_TIME AS OF o.p AS d ON o.product > d.pid;
