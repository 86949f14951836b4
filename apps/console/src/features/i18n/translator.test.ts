import { describe, expect, it } from 'vitest';
import { initialLocale } from './locale';
import { interpolate, messageText, translator } from './translator';

describe('translator', () => {
  it('fills each {placeholder} and leaves unknown ones as written', () => {
    expect(interpolate('{a} and {b}, {a} again; {c}', { a: 'x', b: 2 })).toBe('x and 2, x again; {c}');
    expect(translator('en')('common.ago', { duration: '3 s' })).toBe('3 s ago');
    expect(translator('zh')('common.ago', { duration: '3 秒' })).toBe('3 秒前');
  });

  it('picks the plural form by count: English one/other, Chinese one form for all', () => {
    const en = translator('en');
    expect(en('jobs.list.count', { count: 1 })).toBe('1 job');
    expect(en('jobs.list.count', { count: 0 })).toBe('0 jobs');
    expect(en('jobs.list.count', { count: 12 })).toBe('12 jobs');
    expect(translator('zh')('jobs.list.count', { count: 1 })).toBe('1 个作业');
  });

  it('falls back to the key for a key neither catalog has, never to an empty text', () => {
    expect(messageText('zh', 'no.such.key')).toBe('no.such.key');
  });
});

describe('initialLocale', () => {
  it('keeps the stored choice, else follows a Chinese browser, else English', () => {
    expect(initialLocale('en', 'zh-CN')).toBe('en');
    expect(initialLocale('zh', 'en-US')).toBe('zh');
    expect(initialLocale(null, 'zh-TW')).toBe('zh');
    expect(initialLocale(null, 'zh')).toBe('zh');
    expect(initialLocale('fr', 'en-GB')).toBe('en');
    expect(initialLocale(null, undefined)).toBe('en');
  });
});
