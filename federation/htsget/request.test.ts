import { describe, expect, it } from 'vitest';
import { HtsgetError, type HtsgetErrorType } from './errors';
import { MAX_REGIONS, parseGet, parsePost } from './request';

function errorOf(fn: () => unknown): HtsgetErrorType | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof HtsgetError) return err.type;
    throw err;
  }
  return undefined;
}
const get = (q: string) => () => parseGet(new URLSearchParams(q));
const post =
  (body: unknown, hasQuery = false) =>
  () =>
    parsePost(JSON.stringify(body), hasQuery);

describe('htsget GET parameters (htsget 1.3 query parameters)', () => {
  it('accepts a region with 0-based start and exclusive end', () => {
    expect(parseGet(new URLSearchParams('format=VCF&referenceName=17&start=100&end=200'))).toEqual({
      headerOnly: false,
      regions: [{ referenceName: '17', start: 100, end: 200 }],
    });
    expect(parseGet(new URLSearchParams(''))).toEqual({ headerOnly: false, regions: undefined });
    expect(parseGet(new URLSearchParams('class=header&format=VCF'))).toEqual({
      headerOnly: true,
      regions: undefined,
    });
  });

  it('accepts fields, tags and notags that do not intersect', () => {
    expect(errorOf(get('fields=QNAME,POS&tags=MD,NM&notags=OQ'))).toBeUndefined();
  });

  it.each([
    ['format=BCF', 'UnsupportedFormat'],
    ['format=BAM', 'UnsupportedFormat'],
    ['class=body', 'InvalidInput'],
    ['class=header&referenceName=1', 'InvalidInput'],
    ['start=10', 'InvalidInput'],
    ['referenceName=*&start=1', 'InvalidInput'],
    ['referenceName=1&start=-1', 'InvalidInput'],
    ['referenceName=1&end=4294967296', 'InvalidInput'],
    ['referenceName=1&start=abc', 'InvalidInput'],
    ['referenceName=1&referenceName=2', 'InvalidInput'],
    ['tags=MD,NM&notags=NM', 'InvalidInput'],
    ['fields=BOGUS', 'InvalidInput'],
    ['referenceName=1&start=200&end=100', 'InvalidRange'],
  ] as const)('%s → %s', (query, expected) => {
    expect(errorOf(get(query))).toBe(expected);
  });
});

describe('htsget POST body (htsget 1.3 POST request)', () => {
  it('accepts regions and class=header', () => {
    expect(
      parsePost(
        JSON.stringify({ format: 'VCF', regions: [{ referenceName: 'X', start: 0, end: 5 }] }),
        false,
      ),
    ).toEqual({
      headerOnly: false,
      regions: [{ referenceName: 'X', start: 0, end: 5 }],
    });
    expect(parsePost('{"class":"header"}', false).headerOnly).toBe(true);
  });

  it.each([
    ['query parameters', post({}, true), 'InvalidInput'],
    ['malformed JSON', () => parsePost('{', false), 'InvalidInput'],
    ['empty regions', post({ regions: [] }), 'InvalidInput'],
    ['region without referenceName', post({ regions: [{ start: 1 }] }), 'InvalidInput'],
    ['negative start', post({ regions: [{ referenceName: '1', start: -5 }] }), 'InvalidInput'],
    [
      'class=header with regions',
      post({ class: 'header', regions: [{ referenceName: '1' }] }),
      'InvalidInput',
    ],
    ['BCF', post({ format: 'BCF' }), 'UnsupportedFormat'],
    ['start >= end', post({ regions: [{ referenceName: '1', start: 5, end: 5 }] }), 'InvalidRange'],
    [
      'too many regions',
      post({ regions: Array.from({ length: MAX_REGIONS + 1 }, () => ({ referenceName: '1' })) }),
      'PayloadTooLarge',
    ],
  ] as const)('%s → %s', (_name, fn, expected) => {
    expect(errorOf(fn)).toBe(expected);
  });
});
