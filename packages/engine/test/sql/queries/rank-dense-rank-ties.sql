-- RANK and DENSE_RANK give ties the same rank, ROW_NUMBER does not; rank filters as BETWEEN and <=.
CREATE TABLE scores (grp STRING, score INT, name STRING) WITH (
  'connector' = 'values',
  'data' = 'a,5,p; a,7,q | a,7,r | a,9,s | a,1,t'
);
CREATE TABLE ranked (name STRING, score INT, r BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'rank');
CREATE TABLE dense (name STRING, score INT, r BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'dense');
CREATE TABLE numbered (name STRING, score INT, r BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'row');

EXECUTE STATEMENT SET BEGIN
INSERT INTO ranked SELECT name, score, r FROM (SELECT *, RANK() OVER (PARTITION BY grp ORDER BY score DESC) AS r FROM scores) WHERE r BETWEEN 1 AND 2;
INSERT INTO dense SELECT name, score, r FROM (SELECT *, DENSE_RANK() OVER (PARTITION BY grp ORDER BY score DESC) AS r FROM scores) WHERE r <= 2;
INSERT INTO numbered SELECT name, score, r FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY score DESC) AS r FROM scores) WHERE 2 >= r;
END;
