-- Mini-batch with local-global aggregation: one result change per key per mini-batch (here: per source batch).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '0 ms';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TABLE bids (auction BIGINT, price BIGINT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '1,10,ann; 2,5,bob; 1,30,cid | 1,20,ann; 2,5,bob; 2,7,cid | 1,,dan'
);
CREATE TABLE out_sink (auction BIGINT, cnt BIGINT, total BIGINT, low BIGINT, high BIGINT, bidders BIGINT) WITH ('connector' = 'print');

INSERT INTO out_sink
SELECT auction, COUNT(*), SUM(price), MIN(price), MAX(price), COUNT(DISTINCT bidder)
FROM bids
GROUP BY auction;
