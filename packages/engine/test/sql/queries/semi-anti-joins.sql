-- IN / EXISTS become semi joins, NOT IN / NOT EXISTS anti joins; NOT IN sees NULLs as unknown.
CREATE TABLE auctions (id BIGINT, item STRING) WITH (
  'connector' = 'values', 'data' = '1,lamp; 2,desk; 3,sofa; ,ghost'
);
CREATE TABLE bids (auction BIGINT, price INT) WITH (
  'connector' = 'values', 'data' = '1,12; 1,40 | 3,7 | ,5'
);
CREATE TABLE with_bids (item STRING) WITH ('connector' = 'print', 'print-identifier' = 'in');
CREATE TABLE rich (item STRING) WITH ('connector' = 'print', 'print-identifier' = 'exists');
CREATE TABLE without_bids (item STRING) WITH ('connector' = 'print', 'print-identifier' = 'not-exists');
CREATE TABLE not_in (item STRING) WITH ('connector' = 'print', 'print-identifier' = 'not-in');

INSERT INTO with_bids SELECT item FROM auctions WHERE id IN (SELECT auction FROM bids);

INSERT INTO rich SELECT a.item FROM auctions AS a WHERE EXISTS (SELECT * FROM bids AS b WHERE b.auction = a.id AND b.price > 10) AND a.id < 3;

INSERT INTO without_bids SELECT a.item FROM auctions AS a WHERE NOT EXISTS (SELECT * FROM bids AS b WHERE b.auction = a.id);

-- The NULL auction of the last batch makes NOT IN unknown for every row, so all are withdrawn.
INSERT INTO not_in SELECT item FROM auctions WHERE id NOT IN (SELECT auction FROM bids);

-- A correlated IN: the bid must also beat ten times the auction id (lamp: 12 and 40 > 10; sofa: 7 < 30).
CREATE TABLE outbid (item STRING) WITH ('connector' = 'print', 'print-identifier' = 'in-correlated');
INSERT INTO outbid SELECT a.item FROM auctions AS a WHERE a.id IN (SELECT b.auction FROM bids AS b WHERE b.price > a.id * 10);
