// How each INFO/FORMAT key of one file is typed: its ##INFO/##FORMAT line, else the spec's reserved
// definition for the version, else untyped (a string as written).
import { INFO_KEY_43 } from './names';
import { reservedFormat, reservedInfo } from './reserved';
import type { Reserved } from './reserved';
import type { VcfHeader, VcfNumber, VcfType } from './types';
import type { VersionRules } from './version';
import { rulesFor } from './version';

/** Everything the record checks need to know about one key. */
export interface FieldSpec {
  readonly id: string;
  /** undefined: undeclared and not reserved, so any value is accepted as written. */
  readonly number: VcfNumber | undefined;
  readonly type: VcfType | undefined;
  readonly range: Reserved['range'];
  readonly pattern: RegExp | undefined;
  /** Where the definition comes from, for messages. */
  readonly origin: string;
  /**
   * `origin` as values a problem carries (issue 22): `origin` is `declared`, `reserved`,
   * `reserved-untyped` or `undeclared` (the renderer words it from `coded.vcfOrigin`), with the
   * definition's Number, Type, header key, line and the VCF version.
   */
  readonly originValues: Readonly<Record<string, string | number>>;
  /** False when the key itself breaks the version's key rule (INFO keys; §1.6.1). */
  readonly keyOk: boolean;
}

/**
 * Specs kept per file and kind: a file inventing new keys on every line (undeclared ones are
 * accepted) no longer grows the cache without end; past this the rest are built per use.
 */
const MAX_CACHED_SPECS = 4096;

/** The typing of one file, with per-key specs built once and reused for every record. */
export class Schema {
  readonly rules: VersionRules;
  private readonly infoSpecs = new Map<string, FieldSpec>();
  private readonly formatSpecs = new Map<string, FieldSpec>();

  constructor(readonly header: VcfHeader) {
    this.rules = rulesFor(header.version);
  }

  /** Specs held in the caches (at most 2 × MAX_CACHED_SPECS). */
  get cachedSpecs(): number {
    return this.infoSpecs.size + this.formatSpecs.size;
  }

  /** The spec of an INFO key. */
  info(key: string): FieldSpec {
    let spec = this.infoSpecs.get(key);
    if (spec === undefined) {
      spec = this.build(
        key,
        this.header.info.get(key),
        reservedInfo(this.header.version)[key],
        'INFO',
      );
      const keyOk = this.rules.infoKeyPattern
        ? INFO_KEY_43.test(key)
        : key !== '' && !/\s/.test(key);
      if (!keyOk) spec = { ...spec, keyOk };
      if (this.infoSpecs.size < MAX_CACHED_SPECS) this.infoSpecs.set(key, spec);
    }
    return spec;
  }

  /** The spec of a FORMAT key. */
  format(key: string): FieldSpec {
    let spec = this.formatSpecs.get(key);
    if (spec === undefined) {
      spec = this.build(
        key,
        this.header.format.get(key),
        reservedFormat(this.header.version)[key],
        'FORMAT',
      );
      if (this.formatSpecs.size < MAX_CACHED_SPECS) this.formatSpecs.set(key, spec);
    }
    return spec;
  }

  private build(
    id: string,
    def: { number: VcfNumber; type: VcfType; line: number } | undefined,
    reserved: Reserved | undefined,
    kind: string,
  ): FieldSpec {
    if (def !== undefined) {
      return {
        id,
        number: def.number,
        type: def.type,
        range:
          reserved?.type === def.type && reserved.number === def.number
            ? reserved.range
            : undefined,
        pattern: reserved?.type === def.type ? reserved.pattern : undefined,
        origin: `Number=${String(def.number)}, Type=${def.type} (##${kind} on line ${String(def.line)})`,
        originValues: {
          origin: 'declared',
          originNumber: String(def.number),
          originType: def.type,
          originKind: kind,
          originLine: String(def.line),
        },
        keyOk: true,
      };
    }
    if (reserved !== undefined) {
      return {
        id,
        number: reserved.number,
        type: reserved.type,
        range: reserved.range,
        pattern: reserved.pattern,
        origin: `Number=${String(reserved.number)}${reserved.type ? `, Type=${reserved.type}` : ''} (reserved by VCFv${this.header.version}; the file has no ##${kind} line for it)`,
        originValues: {
          origin: reserved.type === undefined ? 'reserved-untyped' : 'reserved',
          originNumber: String(reserved.number),
          ...(reserved.type === undefined ? {} : { originType: reserved.type }),
          originKind: kind,
          originVersion: this.header.version,
        },
        keyOk: true,
      };
    }
    return {
      id,
      number: undefined,
      type: undefined,
      range: undefined,
      pattern: undefined,
      origin: 'undeclared',
      originValues: { origin: 'undeclared' },
      keyOk: true,
    };
  }
}

const schemas = new WeakMap<VcfHeader, Schema>();

/** The one Schema of a header (built once; records and splits share it). */
export function schemaOf(header: VcfHeader): Schema {
  let s = schemas.get(header);
  if (s === undefined) {
    s = new Schema(header);
    schemas.set(header, s);
  }
  return s;
}

/** Genotype count for `alleles` alleles at `ploidy` (VCF §1.6.2 "Genotype Ordering"). */
export function genotypeCount(alleles: number, ploidy: number): number {
  // C(alleles + ploidy − 1, ploidy)
  let n = 1;
  for (let k = 1; k <= ploidy; k++) n = (n * (alleles + k - 1)) / k;
  return Math.round(n);
}
