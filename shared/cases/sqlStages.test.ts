import { describe, expect, it } from 'vitest';
import { materializeInheritanceStages } from './inheritanceSql';
import { queryLayoutStages } from './queryLayout';
import type { SqlStages } from './sqlStages';
import { flatStages } from './sqlStages';

const WRITES =
  /(?:INSERT INTO|CREATE TABLE|UPDATE|DROP TABLE(?: IF EXISTS)?|ALTER TABLE)\s+\w+\.main\.(\w+)/g;
const written = (sql: string): string[] => [...sql.matchAll(WRITES)].map((m) => m[1] ?? '');

/** Pairs of side-by-side sequences where one writes a table the other names (reads or writes). */
function clashes(stages: SqlStages): string[] {
  const out: string[] = [];
  stages.forEach((stage, s) =>
    stage.forEach((seq, i) => {
      for (const table of seq.flatMap(written))
        stage.forEach((other, j) => {
          if (j !== i && other.some((sql) => new RegExp(`\\.main\\.${table}\\b`).test(sql)))
            out.push(
              `stage ${String(s)}: sequence ${String(i)} writes ${table}, ${String(j)} names it`,
            );
        });
    }),
  );
  return out;
}

describe('SQL stages run side by side by the import (issue 16, decision 0078)', () => {
  const pedigrees = [
    { motherIdx: 1, fatherIdx: 2, probandSex: 'female' as const },
    { motherIdx: null, fatherIdx: null, probandSex: 'male' as const },
  ];

  it('no sequence of a stage writes a table another sequence of that stage reads or writes', () => {
    for (const p of pedigrees) expect(clashes(materializeInheritanceStages('out', p))).toEqual([]);
    const panels = [{ id: 'acmg-sf', genes: ['BRCA1', 'TTN'] }];
    expect(clashes(queryLayoutStages('out', panels))).toEqual([]);
    expect(clashes(queryLayoutStages('out'))).toEqual([]);
  });

  it('the check finds a table written beside a sequence that reads it', () => {
    const bad: SqlStages = [
      [['INSERT INTO out.main.inheritance SELECT 1'], ['SELECT * FROM out.main.inheritance']],
    ];
    expect(clashes(bad)).toEqual(['stage 0: sequence 0 writes inheritance, 1 names it']);
  });

  it('inheritance comes before the derived columns, the page and filter tables each in one sequence', () => {
    const inh = materializeInheritanceStages('out', {
      motherIdx: 1,
      fatherIdx: 2,
      probandSex: 'female',
    });
    expect(inh.map((stage) => stage.map((seq) => seq.flatMap(written)))).toEqual([
      [['inheritance'], ['comphet_sides']],
      [['variants']],
    ]);
    const layout = queryLayoutStages('out', [{ id: 'acmg-sf', genes: ['BRCA1'] }]);
    expect(layout.map((stage) => stage.map((seq) => [...new Set(seq.flatMap(written))]))).toEqual([
      // The sides get the filter table's columns after it, in its sequence (decision 0093).
      [
        ['variant_rows'],
        ['variant_panels', 'variant_filter', 'comphet_sides_laid', 'comphet_sides'],
      ],
    ]);
    expect(flatStages(layout)).toHaveLength(layout[0]?.flat().length ?? -1);
  });
});
