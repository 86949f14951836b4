-- A second aggregate over the first consumes its retractions: how many auctions have n bids.
CREATE TABLE bids (auction BIGINT, price BIGINT) WITH (
  'connector' = 'values',
  'data' = '1,10; 2,20; 1,30; 3,5; 2,25; 1,40'
);
CREATE TABLE out_sink (bid_count BIGINT, auctions BIGINT, max_price BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT bid_count, COUNT(*), MAX(max_price)
FROM (SELECT auction, COUNT(*) AS bid_count, MAX(price) AS max_price FROM bids GROUP BY auction)
GROUP BY bid_count;
