import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels, events } from './contract';
import { CHANNEL_NAMES, EVENT_NAMES } from './names';

type Def = Record<string, unknown> & { type: string };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Paths of every object inside a schema that does not reject unknown keys. */
function lenientObjects(schema: unknown, path = '', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = defOf(schema);
  const inner = (key: string, at = path): string[] => lenientObjects(d[key], at, seen);
  switch (d.type) {
    case 'object': {
      const strict = d['catchall'] !== undefined && defOf(d['catchall']).type === 'never';
      const shape = d['shape'] as Record<string, unknown>;
      return [
        ...(strict ? [] : [path === '' ? '(request)' : path]),
        ...Object.entries(shape).flatMap(([k, v]) => lenientObjects(v, `${path}.${k}`, seen)),
      ];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return inner('innerType');
    case 'array':
      return inner('element', `${path}[]`);
    case 'pipe':
      return inner('in');
    case 'record':
      return inner('valueType', `${path}{}`);
    case 'union':
      return (d['options'] as unknown[]).flatMap((o) => lenientObjects(o, path, seen));
    default:
      return [];
  }
}

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues;
};

describe('the IPC contract (issue 14)', () => {
  it('declares a request and response schema for every channel name, and a payload for every event', () => {
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s: every object in its request rejects unknown keys', (name) => {
    expect(lenientObjects(channels[name].request)).toEqual([]);
  });

  it.each(CHANNEL_NAMES)('%s: a request with an unknown key is refused, not stripped', (name) => {
    const issues = issuesOf(channels[name].request, { unexpected: 1 });
    expect(issues.length).toBeGreaterThan(0);
    if (defOf(channels[name].request).type === 'object')
      expect(issues).toContainEqual(
        expect.objectContaining({ code: 'unrecognized_keys', keys: ['unexpected'] }),
      );
  });

  it('refuses unknown keys nested inside requests (filters, criteria, pull queries)', () => {
    expect(
      issuesOf(channels['search:run'].request, {
        queryId: 'query-0001',
        query: { genomic: 'BRCA1', filters: [{ id: 'HP:0001250', extra: true }] },
      }),
    ).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', path: ['query', 'filters', 0] }),
    );
    expect(
      issuesOf(channels['cohorts:save'].request, {
        name: 'c',
        filters: { genotype: { gene: 'BRCA1', note: 'x' } },
      }),
    ).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', path: ['filters', 'genotype'] }),
    );
    expect(
      issuesOf(channels['pull:start'].request, {
        nodeId: 'FI',
        datasetId: 'FI-RD-01',
        purpose: 'clinical-care',
        query: { filters: [], everything: true },
      }).map((i) => i.code),
    ).toContain('unrecognized_keys');
  });

  it('fills defaults once, in the parse handlers receive (no handler parses again)', () => {
    expect(channels['search:suggest'].request.parse({ kind: 'gene', text: 'BR' }).limit).toBe(10);
    expect(
      channels['search:run'].request.parse({ queryId: 'query-0001', query: { genomic: 'BRCA1' } }),
    ).toEqual({
      queryId: 'query-0001',
      query: { target: 'individuals', genomic: 'BRCA1', filters: [], granularity: 'record' },
    });
    const start = channels['pull:start'].request.parse({
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect(start.query).toEqual({ filters: [] });
  });

  it('channels without a request take nothing', () => {
    for (const name of CHANNEL_NAMES)
      if (defOf(channels[name].request).type === 'undefined')
        expect(channels[name].request.safeParse(undefined).success).toBe(true);
  });
});
