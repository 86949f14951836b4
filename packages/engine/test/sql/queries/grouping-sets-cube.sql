SELECT region, product, SUM(amount) AS total, GROUPING_ID(region, product) AS gid
FROM (VALUES ('eu', 'tea', 1), ('eu', 'jam', 2), ('us', 'tea', 4)) AS sales(region, product, amount)
GROUP BY GROUPING SETS ((region, product), (product), ());

SELECT region, product, COUNT(*) AS n
FROM (VALUES ('eu', 'tea'), ('us', 'tea')) AS sales(region, product)
GROUP BY CUBE(region, product);
