import type { DuoTerm } from '../federation/directory';

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.slice(0, 300) : undefined;
const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/**
 * A dataset's `dataUseConditions` as a node sent it → DUO terms (issue 15 item 5). Nothing in it
 * can fail the dataset: a term without a string id becomes an id that is no DUO CURIE, which the
 * rules read as an unknown term that forbids the use (never a crash, never a silent grant).
 */
export function readDuoTerms(dataUseConditions: unknown): DuoTerm[] {
  const list = record(dataUseConditions)?.duoDataUse;
  if (!Array.isArray(list)) return [];
  return list.slice(0, 100).map((raw): DuoTerm => {
    const t = record(raw) ?? {};
    const id = text(t.id) ?? '(a term without an id)';
    const modifiers = Array.isArray(t.modifiers)
      ? t.modifiers.flatMap((m) => {
          const mid = text(record(m)?.id);
          return mid === undefined ? [] : [{ id: mid, label: text(record(m)?.label) ?? mid }];
        })
      : [];
    return { id, label: text(t.label) ?? id, ...(modifiers.length === 0 ? {} : { modifiers }) };
  });
}
