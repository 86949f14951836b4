CREATE TABLE bids (auction BIGINT, price BIGINT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '1,10,ann; 2,5,bob; 1,30,cid; 1,20,ann; 2,5,bob; 1,,dan'
);
CREATE TABLE out_sink (auction BIGINT, cnt BIGINT, cnt_price BIGINT, total BIGINT, low BIGINT, high BIGINT, mean BIGINT, bidders BIGINT, first_bidder STRING, last_bidder STRING, names STRING)
WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT auction, COUNT(*), COUNT(price), SUM(price), MIN(price), MAX(price), AVG(price),
       COUNT(DISTINCT bidder), FIRST_VALUE(bidder), LAST_VALUE(bidder), LISTAGG(bidder)
FROM bids
GROUP BY auction;
