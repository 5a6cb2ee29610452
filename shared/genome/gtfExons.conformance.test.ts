// The GTF reader over a real GENCODE-derived GTF (igv.js's minigenome test data in ../shared):
// every transcript's exons and coding span must agree with the file's own exon_number and CDS rows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createGtfCollector, exonTableRow, parseExonTable, pickTranscripts } from './gtfExons';
import { sharedDataFolder } from '../../federation/sharedFolder';

const shared = sharedDataFolder();
const GTF = join(shared, 'igv-minigenome', 'annotations.gtf.gz');

describe('GTF exon reader on the igv minigenome GTF (issue 8)', () => {
  it.skipIf(!existsSync(GTF))(
    'matches exon_number, CDS rows and strand of every transcript',
    () => {
      const lines = gunzipSync(readFileSync(GTF)).toString('utf8').split('\n');
      const c = createGtfCollector(() => true);
      for (const l of lines) c.add(l);
      const ts = c.transcripts();
      // Independent count straight from the columns: exon rows, highest exon_number, CDS extent.
      const firstExon = new Map<string, number>();
      const expected = new Map<
        string,
        { exons: number; maxNumber: number; cds: [number, number] | undefined }
      >();
      for (const l of lines) {
        const cols = l.split('\t');
        if (cols.length < 9) continue;
        const id = /transcript_id "([^"]+)"/.exec(cols[8] ?? '')?.[1];
        if (id === undefined) continue;
        const e = expected.get(id) ?? { exons: 0, maxNumber: 0, cds: undefined };
        if (cols[2] === 'exon') {
          e.exons += 1;
          if (/exon_number "?1[";]/.test(cols[8] ?? '')) firstExon.set(id, Number(cols[3]) - 1);
          e.maxNumber = Math.max(
            e.maxNumber,
            Number(/exon_number "?(\d+)/.exec(cols[8] ?? '')?.[1]),
          );
        }
        if (cols[2] === 'CDS') {
          const s = Number(cols[3]) - 1;
          const en = Number(cols[4]);
          e.cds = e.cds === undefined ? [s, en] : [Math.min(e.cds[0], s), Math.max(e.cds[1], en)];
        }
        expected.set(id, e);
      }
      expect(ts.length).toBe([...expected.values()].filter((e) => e.exons > 0).length);
      expect(ts.length).toBeGreaterThan(5);
      for (const t of ts) {
        const e = expected.get(t.transcriptId);
        expect(t.exons.length, t.transcriptId).toBe(e?.exons);
        expect(t.exons.length, t.transcriptId).toBe(e?.maxNumber);
        expect(t.cds === undefined ? undefined : [t.cds.start0, t.cds.end], t.transcriptId).toEqual(
          e?.cds,
        );
        // Exon 1 is the 5' one: first on '+', last on '-'.
        const fivePrime = t.strand === '+' ? t.exons[0] : t.exons[t.exons.length - 1];
        expect(fivePrime?.start0, t.transcriptId).toBe(firstExon.get(t.transcriptId));
        // Sorted, non-overlapping exons; the coding span inside the transcript.
        for (let i = 1; i < t.exons.length; i++)
          expect(t.exons[i]?.start0, t.transcriptId).toBeGreaterThanOrEqual(
            t.exons[i - 1]?.end ?? 0,
          );
        if (t.cds !== undefined) {
          expect(t.cds.start0).toBeGreaterThanOrEqual(t.exons[0]?.start0 ?? 0);
          expect(t.cds.end).toBeLessThanOrEqual(t.exons[t.exons.length - 1]?.end ?? 0);
        }
      }
      // One transcript per gene, and the table round-trips through the app's reader.
      const picked = pickTranscripts(ts);
      expect(new Set(picked.map((t) => t.symbol)).size).toBe(picked.length);
      const back = parseExonTable(picked.map(exonTableRow).join(''));
      expect(back.map((t) => t.exons.length)).toEqual(picked.map((t) => t.exons.length));
      // TIMELESS: the CCDS transcript (ENST00000553532) is the one a report would use here.
      expect(picked.find((t) => t.symbol === 'TIMELESS')?.transcriptId).toMatch(/ENST00000553532/);
    },
  );
});
