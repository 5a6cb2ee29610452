import { describe, expect, it } from 'vitest';
import { DISEASES_TSV } from '../ranking/annotations.data';
import { parseDiseaseRows, searchDiseases } from './diseaseSearch';

// Issue 18: the diagnosis picker searches the HPO annotations the app ships (OMIM and Orphanet).

const rows = parseDiseaseRows(DISEASES_TSV);

describe('issue 18: the diagnosis picker’s disease search', () => {
  it('issue 18: keeps OMIM and Orphanet diseases with their inheritance terms, not DECIPHER', () => {
    expect(rows.length).toBeGreaterThan(10_000);
    expect(rows.every((r) => /^(OMIM|ORPHA):\d+$/.test(r.id))).toBe(true);
    const dravet = rows.find((r) => r.id === 'OMIM:607208');
    expect(dravet?.inheritance).toContain(6);
  });

  it('issue 18: finds a disease by its id, its bare number, or every word of its label (case and accents ignored)', () => {
    expect(searchDiseases(rows, 'OMIM:613721')[0]?.id).toBe('OMIM:613721');
    expect(searchDiseases(rows, 'omim:613721')[0]?.id).toBe('OMIM:613721');
    expect(searchDiseases(rows, '613721')[0]?.id).toBe('OMIM:613721');
    const epileptic = searchDiseases(rows, 'epileptic encephalopathy 11', 50);
    expect(epileptic.map((r) => r.id)).toContain('OMIM:613721');
    for (const r of epileptic) {
      expect(r.label.toLowerCase()).toContain('epileptic');
      expect(r.label.toLowerCase()).toContain('encephalopathy');
    }
    const dravet = searchDiseases(rows, 'DRAVET');
    expect(dravet.length).toBeGreaterThan(0);
    expect(dravet.every((r) => r.label.toLowerCase().includes('dravet'))).toBe(true);
  });

  it('issue 18: one character finds nothing; the limit holds', () => {
    expect(searchDiseases(rows, 'a')).toEqual([]);
    expect(searchDiseases(rows, 'syndrome', 7)).toHaveLength(7);
  });
});
