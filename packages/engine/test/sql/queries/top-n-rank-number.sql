-- Top-2 bids per auction with the rank column: each rank is one result row, updated in place (AppendOnlyTopNFunction).
CREATE TABLE bids (auction BIGINT, price BIGINT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '1,10,ann; 1,30,bob | 1,20,cid; 2,5,dan; 1,20,eve | 1,40,fay; 1,5,gus'
);
CREATE TABLE out_sink (auction BIGINT, price BIGINT, bidder STRING, rn BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids)
WHERE rn <= 2;
