-- error: column 'prise' not found in table 'bid'; did you mean 'price'?
CREATE TABLE bid (auction BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE out_sink (price BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_sink SELECT prise FROM bid;
