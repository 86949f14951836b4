CREATE TABLE bids (channel STRING, bidder BIGINT, price BIGINT) WITH (
  'connector' = 'values',
  'data' = 'a,1,5; a,1,50; a,2,500; b,3,5 | a,2,5; b,3,7; b,4,700'
);
CREATE TABLE out_sink (channel STRING, bids BIGINT, cheap BIGINT, bidders BIGINT, cheap_bidders BIGINT, rich_bidders BIGINT)
WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT channel, COUNT(*), COUNT(*) FILTER (WHERE price < 10),
       COUNT(DISTINCT bidder), COUNT(DISTINCT bidder) FILTER (WHERE price < 10),
       COUNT(DISTINCT bidder) FILTER (WHERE price >= 100)
FROM bids
GROUP BY channel
HAVING COUNT(*) >= 2;
