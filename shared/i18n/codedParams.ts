/**
 * A coded sentence's values (coded.ts), without its schemas: the VCF reader builds them in the
 * case import worker, which would otherwise evaluate zod at every start (decision 0078).
 */
export type CodedParams = Readonly<Record<string, string | number>>;

/** Leaves out values that are undefined, so an absent value is absent, not "undefined". */
export function params(
  values: Readonly<Record<string, string | number | undefined>>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined),
  );
}
