-- Top-N without the rank column: a row pushed out is -D, the entering row +I; ties keep the earlier row.
-- The second query ranks an updating input (RetractableTopNFunction): when bob's total drops, the next
-- best total moves up (-D, then +I); a new best is +I before the -D of the one it replaces.
CREATE TABLE bids (auction BIGINT, price BIGINT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '1,10,ann; 1,30,bob | 1,20,cid; 2,5,dan; 1,20,eve | 3,-25,bob; 1,40,fay; 1,5,gus'
);
CREATE TABLE top2 (auction BIGINT, price BIGINT, bidder STRING) WITH ('connector' = 'print', 'print-identifier' = 'top2');
CREATE TABLE best (bidder STRING, total BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'best');

EXECUTE STATEMENT SET BEGIN
INSERT INTO top2
SELECT auction, price, bidder
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, bidder ASC) AS rn FROM bids)
WHERE rn < 3 AND price > 5;
INSERT INTO best
SELECT bidder, total
FROM (SELECT bidder, total, ROW_NUMBER() OVER (ORDER BY total DESC) AS rn
      FROM (SELECT bidder, SUM(price) AS total FROM bids GROUP BY bidder))
WHERE rn = 1;
END;
