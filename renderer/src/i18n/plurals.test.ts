import { describe, expect, it } from 'vitest';
import en from './en.json';
import i18n from '.';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const all = leaves(en);

describe('issue 22: counted phrases use i18next plural forms, not "(s)"', () => {
  it('no English string writes a plural as "(s)"', () => {
    expect(all.filter(([, v]) => v.includes('(s)')).map(([k]) => k)).toEqual([]);
  });

  it('every English _one key has its _other and the other way round', () => {
    const keys = new Set(all.map(([k]) => k));
    const unpaired = all
      .map(([k]) => k)
      .filter((k) => /_(one|other)$/.test(k))
      .filter(
        (k) =>
          !keys.has(
            k.replace(/_(one|other)$/, (_m, f: string) => (f === 'one' ? '_other' : '_one')),
          ),
      );
    expect(unpaired).toEqual([]);
  });

  it('the count picks the form and is shown in the locale format', () => {
    expect(i18n.t('caseReview.seen.answer.exact', { count: 1 })).toBe('1 carrier');
    expect(i18n.t('caseReview.seen.answer.exact', { count: 1234 })).toBe('1,234 carriers');
    expect(i18n.t('settings.directoryNodes', { count: 1 })).toBe('1 node');
    expect(i18n.t('cohorts.job.detail', { records: 400, count: 1553, size: '3 MB' })).toBe(
      '400 of 1,553 records, 3 MB',
    );
  });

  it('identifiers are never grouped like quantities', () => {
    expect(i18n.t('caseWork.since.removed', { id: 12345 })).toBe(
      'Dataset 12345 is no longer in the local cache.',
    );
  });
});
