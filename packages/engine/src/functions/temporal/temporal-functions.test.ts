import { describe, expect, it } from 'vitest';
import { evaluate } from '../test-support/evaluate';

const ts = (text: string): number => Date.parse(`${text}Z`);

// `ts` is TIMESTAMP(3) '2024-01-15 10:30:45.123', `nts` a NULL timestamp.
const CASES: [string, unknown][] = [
  ['EXTRACT(DAY FROM ts)', 15], ["EXTRACT(DAY FROM DATE '2006-06-05')", 5], ['EXTRACT(MILLISECOND FROM ts)', 45123], ['EXTRACT(DOW FROM ts)', 2], ['EXTRACT(YEAR FROM nts)', null],
  ["YEAR(DATE '1994-09-27')", 1994], ["QUARTER(DATE '1994-09-27')", 3], ["MONTH(DATE '1994-09-27')", 9], ["WEEK(DATE '1994-09-27')", 39], ["DAYOFYEAR(DATE '1994-09-27')", 270],
  ["DAYOFMONTH(DATE '1994-09-27')", 27], ["DAYOFWEEK(DATE '1994-09-27')", 3], ["HOUR(TIMESTAMP '1994-09-27 13:14:15')", 13], ["MINUTE(TIMESTAMP '1994-09-27 13:14:15')", 14],
  ["SECOND(TIMESTAMP '1994-09-27 13:14:15')", 15], ['FLOOR(ts TO HOUR)', ts('2024-01-15T10:00:00')], ['CEIL(ts TO MONTH)', ts('2024-02-01T00:00:00')],
  ["FLOOR(TIME '12:44:31' TO MINUTE)", (12 * 60 + 44) * 60_000], ["CEIL(TIME '12:44:31' TO MINUTE)", (12 * 60 + 45) * 60_000], ['FLOOR(ts TO WEEK)', ts('2024-01-14T00:00:00')],
  ["TIMESTAMPADD(WEEK, 1, TIMESTAMP '2020-01-01 00:00:00')", ts('2020-01-08T00:00:00')], ["TIMESTAMPADD(QUARTER, 1, TIMESTAMP '2020-01-01 00:00:00')", ts('2020-04-01T00:00:00')],
  ["TIMESTAMPADD(MONTH, 1, TIMESTAMP '2020-01-31 00:00:00')", ts('2020-02-29T00:00:00')], ["TIMESTAMPDIFF(DAY, TIMESTAMP '2024-01-01 00:00:00', ts)", 14],
  ["TIMESTAMPDIFF(MONTH, TIMESTAMP '2024-01-31 00:00:00', TIMESTAMP '2024-02-29 00:00:00')", 0], ["TIMESTAMPDIFF(YEAR, DATE '2020-01-01', DATE '2024-06-01')", 4],
  ["DATE_FORMAT(ts, 'yyyy-MM-dd')", '2024-01-15'], ["DATE_FORMAT(ts, 'HH:mm')", '10:30'], ["DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss.SSS EEE')", '2024-01-15 10:30:45.123 Mon'],
  ["DATE_FORMAT('2024-01-15 10:30:45', 'yyyy/MM/dd')", '2024/01/15'], ['DATE_FORMAT(nts, \'yyyy\')', null],
  ["CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles')", '1969-12-31 16:00:00'], ['FROM_UNIXTIME(44)', '1970-01-01 00:00:44'],
  ["UNIX_TIMESTAMP('1970-01-01 08:00:01.001 +0800', 'yyyy-MM-dd HH:mm:ss.SSS X')", 1], ["UNIX_TIMESTAMP('1970-01-01 00:00:10')", 10],
  ["TO_DATE('2024-03-01')", Date.UTC(2024, 2, 1) / 86_400_000], ["TO_DATE('01/03/2024', 'dd/MM/yyyy')", Date.UTC(2024, 2, 1) / 86_400_000], ["TO_DATE('nope')", null],
  ["TO_TIMESTAMP('2024-01-02 03:04:05')", ts('2024-01-02T03:04:05')], ['TO_TIMESTAMP_LTZ(1234567890, 0)', 1234567890000], ['TO_TIMESTAMP_LTZ(1234567890123, 3)', 1234567890123],
  ["TO_TIMESTAMP_LTZ('2023-01-01 00:00:00', 'yyyy-MM-dd HH:mm:ss', 'Asia/Shanghai')", ts('2022-12-31T16:00:00')],
  ["(TIME '02:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '03:30:00', INTERVAL '2' HOUR)", true], ["(TIME '09:00:00', TIME '10:00:00') OVERLAPS (TIME '10:15:00', INTERVAL '3' HOUR)", false],
  ["TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '10 00:00:00.004' DAY TO SECOND", ts('2024-01-11T00:00:00.004')], ["DATE '2024-01-31' + INTERVAL '2-1' YEAR TO MONTH", Date.UTC(2026, 1, 28) / 86_400_000],
];

describe('temporal functions', () => {
  it.each(CASES)('%s', (sql, expected) => {
    const result = evaluate(sql);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(expected);
  });

  it('types the current time functions as Flink does', () => {
    expect(evaluate('CURRENT_TIMESTAMP').type).toBe('TIMESTAMP_LTZ(3) NOT NULL');
    expect(evaluate('NOW()').type).toBe('TIMESTAMP_LTZ(3) NOT NULL');
    expect(evaluate('LOCALTIMESTAMP').type).toBe('TIMESTAMP(3) NOT NULL');
    expect(evaluate('CURRENT_DATE').type).toBe('DATE NOT NULL');
    expect(evaluate('LOCALTIME').type).toBe('TIME(0) NOT NULL');
  });
});
