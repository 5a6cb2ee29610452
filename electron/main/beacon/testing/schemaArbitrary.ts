import fc from 'fast-check';

/**
 * fast-check arbitraries generated from JSON Schemas (the official Beacon v2.1.1 and VRS 1.3
 * documents, see officialSchemas.ts): every optional member is present or absent at random, arrays
 * vary in length, enums and oneOf branches are all used. Deep or recursive parts fall back to
 * their required members only. Test support for the property tests; not a general validator.
 */

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Ctx {
  docs: ReadonlyMap<string, Json>;
  base: string;
  depth: number;
  seen: readonly string[];
}

/** Below this depth optional members and array items are still generated; beyond, only required. */
const RICH_DEPTH = 7;

function resolve(ctx: Ctx, ref: string): { schema: unknown; base: string; key: string } {
  const key = new URL(ref, ctx.base).href;
  const [doc = '', fragment = ''] = key.split('#');
  let node: unknown = ctx.docs.get(doc);
  if (node === undefined) throw new Error(`schemaArbitrary: no schema loaded for ${doc}`);
  for (const part of fragment.split('/').filter((p) => p !== '')) {
    const name = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObj(node) ? node[name] : undefined;
  }
  if (node === undefined) throw new Error(`schemaArbitrary: ${key} does not resolve`);
  return { schema: node, base: doc, key };
}

function stringArb(s: Json): fc.Arbitrary<string> {
  const examples = Array.isArray(s.examples)
    ? s.examples.filter((e): e is string => typeof e === 'string')
    : [];
  let generated: fc.Arbitrary<string> | undefined;
  if (typeof s.pattern === 'string') {
    try {
      generated = fc.stringMatching(new RegExp(s.pattern));
    } catch {
      generated = undefined;
    }
  }
  if (generated === undefined && s.format === 'uri') generated = fc.webUrl();
  if (generated === undefined && s.format === 'date-time')
    generated = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (generated === undefined && s.format === 'date')
    generated = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  generated ??= fc.string({
    minLength: typeof s.minLength === 'number' ? s.minLength : 0,
    maxLength: typeof s.maxLength === 'number' ? s.maxLength : 12,
  });
  return examples.length === 0 ? generated : fc.oneof(fc.constantFrom(...examples), generated);
}

function objectArb(s: Json, ctx: Ctx): fc.Arbitrary<Json> {
  const props = isObj(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required)
    ? s.required.filter((r): r is string => typeof r === 'string')
    : [];
  const rich = ctx.depth < RICH_DEPTH;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) {
    if (!rich && !required.includes(name)) continue;
    model[name] = arb(sub, { ...ctx, depth: ctx.depth + 1 });
  }
  for (const name of required) model[name] ??= fc.string({ maxLength: 8 });
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}

/** The arbitrary for one schema node. */
function arb(schema: unknown, ctx: Ctx): fc.Arbitrary<unknown> {
  if (schema === true || !isObj(schema)) return fc.constant({});
  const s = schema;
  if (typeof s.$ref === 'string') {
    const r = resolve(ctx, s.$ref);
    if (ctx.seen.includes(r.key) && ctx.depth >= RICH_DEPTH) return fc.constant({});
    return arb(r.schema, { ...ctx, base: r.base, seen: [...ctx.seen, r.key] });
  }
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = Array.isArray(s.oneOf)
    ? s.oneOf
    : Array.isArray(s.anyOf)
      ? s.anyOf
      : undefined;
  if (alternatives !== undefined && alternatives.length > 0) {
    const own = { ...s };
    delete own.oneOf;
    delete own.anyOf;
    const branches = alternatives.map((a) => arb(a, { ...ctx, depth: ctx.depth + 1 }));
    const hasOwn = isObj(own.properties) || Array.isArray(own.required);
    return hasOwn
      ? fc
          .tuple(objectArb(own, ctx), fc.oneof(...branches))
          .map(([a, b]) => (isObj(b) ? { ...a, ...b } : b))
      : fc.oneof(...branches);
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0) {
    const own = { ...s };
    delete own.allOf;
    return fc
      .tuple(
        ...[own, ...(s.allOf as unknown[])].map((a) => arb(a, { ...ctx, depth: ctx.depth + 1 })),
      )
      .map((parts) => Object.assign({}, ...parts.filter(isObj)) as Json);
  }
  const type = Array.isArray(s.type) ? s.type : [s.type];
  const one = (t: unknown): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'object':
        return objectArb(s, ctx);
      case 'array': {
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        const max =
          ctx.depth < RICH_DEPTH ? Math.max(min, Math.min(3, Number(s.maxItems ?? 3))) : min;
        return fc.array(arb(s.items ?? {}, { ...ctx, depth: ctx.depth + 1 }), {
          minLength: min,
          maxLength: max,
        });
      }
      case 'string':
        return stringArb(s);
      case 'integer':
        return fc.integer({
          min: typeof s.minimum === 'number' ? s.minimum : -5,
          max: typeof s.maximum === 'number' ? s.maximum : 100_000,
        });
      case 'number':
        return fc.double({
          min: typeof s.minimum === 'number' ? s.minimum : -1e6,
          max: typeof s.maximum === 'number' ? s.maximum : 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return isObj(s.properties) || Array.isArray(s.required)
          ? objectArb(s, ctx)
          : fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
    }
  };
  return type.length === 1 ? one(type[0]) : fc.oneof(...type.map(one));
}

/** An arbitrary of documents following the schema at `url` (a canonical URL, with a fragment if any). */
export function schemaArbitrary(
  docs: ReadonlyMap<string, Json>,
  url: string,
): fc.Arbitrary<unknown> {
  return arb({ $ref: url }, { docs, base: url, depth: 0, seen: [] });
}
