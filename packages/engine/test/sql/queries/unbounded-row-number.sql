-- error: OVER aggregation with ROW_NUMBER requires a filter on the rank (Top-N), e.g. WHERE rn <= 10
CREATE TABLE bids (auction BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE out_sink (auction BIGINT, price BIGINT, rn BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_sink SELECT auction, price, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bids;
