import type { Assembly } from '../../../shared/genome/assembly';
import { APP_ASSEMBLY } from '../../../shared/genome/assembly';
import type { LiftFailure } from '../../../shared/genome/liftover';
import {
  LIFT_FAILURE_WORDS,
  liftSpan,
  liftVariant,
  refAgrees,
  reverseComplement,
} from '../../../shared/genome/liftover';
import { liftTable } from '../../../shared/genome/liftoverTables';
import type { NodeProblem, RecordRow, VariantRow } from '../../../shared/search/results';
import type { BeaconQueryParts } from './beaconRequest';
import type { NodeAssembly } from './nodeAssembly';

/** The query as one node gets it, or why that node is not asked. */
export type NodeParts =
  | { ok: true; parts: BeaconQueryParts; asked?: string }
  | { ok: false; message: string; problem: NodeProblem };

const hasCoordinates = (p: BeaconQueryParts): boolean =>
  p.params.referenceName !== undefined || p.params.start !== undefined;

const why = (f: LiftFailure): string => LIFT_FAILURE_WORDS[f];

/**
 * Issue 15 item 2: every coordinate query carries `assemblyId`; a GRCh37 node gets the query in
 * GRCh37 coordinates (UCSC chain). A variant query goes without `referenceBases`, so the REF the
 * node has at the mapped place comes back and can be compared (placeRows). A place that does not
 * map, or an assembly the app cannot convert, means the node is not asked, and the reason is said.
 */
export function partsForNode(
  parts: BeaconQueryParts,
  node: { id: string },
  place: NodeAssembly,
): NodeParts {
  if (!hasCoordinates(parts)) return { ok: true, parts };
  const p = parts.params;
  if (place.assembly === undefined)
    return {
      ok: false,
      message: `Node ${node.id} holds its data on ${place.name}, which Cohort Desk cannot convert GRCh38 coordinates to; it was not asked.`,
      problem: { code: 'no-conversion', assembly: place.name },
    };
  const to: Assembly = place.assembly;
  const table = liftTable(APP_ASSEMBLY, to);
  if (table === undefined)
    return { ok: true, parts: { ...parts, params: { ...p, assemblyId: APP_ASSEMBLY } } };
  const chrom = p.referenceName ?? '';
  const start = p.start ?? 0;
  if (p.end !== undefined) {
    const span = liftSpan(table, chrom, start, p.end, { allowGaps: true });
    if (typeof span === 'string') {
      const where = `${chrom}:${String(start + 1)}-${String(p.end)}`;
      return {
        ok: false,
        message: `The region ${where} has no single place on ${to} (${why(span)}); node ${node.id} was not asked.`,
        problem: { code: 'region-unplaced', where, assembly: to, lift: span },
      };
    }
    return {
      ok: true,
      parts: {
        ...parts,
        params: {
          ...p,
          assemblyId: to,
          referenceName: span.chrom,
          start: span.start0,
          end: span.end0,
        },
      },
      asked: `${to} ${span.chrom}:${String(span.start0 + 1)}-${String(span.end0)}`,
    };
  }
  const ref = p.referenceBases ?? 'N';
  const v = liftVariant(table, { chrom, pos: start + 1, ref, alt: p.alternateBases ?? 'N' });
  if (typeof v === 'string') {
    const where = `${chrom}-${String(start + 1)}-${ref}-${p.alternateBases ?? ''}`;
    return {
      ok: false,
      message: `The variant ${where} has no place on ${to} (${why(v)}); node ${node.id} was not asked.`,
      problem: { code: 'variant-unplaced', where, assembly: to, lift: v },
    };
  }
  const rest = { ...p };
  delete rest.referenceBases;
  return {
    ok: true,
    parts: {
      ...parts,
      params: {
        ...rest,
        assemblyId: to,
        referenceName: v.chrom,
        start: v.pos - 1,
        alternateBases: v.alt,
      },
    },
    asked: `${to} ${v.chrom}-${String(v.pos)}-${v.ref}-${v.alt}`,
  };
}

/** Where the records of one answer were placed on GRCh38, and what disagreed with the query. */
export interface Placed {
  readonly rows: RecordRow[];
  /** Assemblies the records' own accessions named (to learn a node's assembly from). */
  readonly seen: ReadonlySet<Assembly>;
  /** Conformance-style notes for the node (REF differences between assemblies). */
  readonly notes: string[];
}

type Location = NonNullable<VariantRow['location']>;

/** A GRCh37 location on GRCh38, or why it has none (interbase coordinates, as VRS writes them). */
function liftLocation(l: Location, from: Assembly): Location | LiftFailure {
  const table = liftTable(from, APP_ASSEMBLY);
  if (table === undefined) return l;
  // An insertion has an empty span: lift the base before it and place the insertion after it.
  const empty = l.end === l.start;
  const span = empty
    ? liftSpan(table, l.chr, l.start - 1, l.start)
    : liftSpan(table, l.chr, l.start, l.end);
  if (typeof span === 'string') return span;
  const sameLength = (l.ref ?? '').length === (l.alt ?? '').length;
  if (span.strand === '-' && (empty || !sameLength)) return 'reverse-strand-indel';
  const flip = (b: string | undefined): string | undefined =>
    b === undefined || span.strand === '+' ? b : reverseComplement(b);
  const start = empty ? span.end0 : span.start0;
  return {
    ...l,
    chr: span.chrom,
    start,
    end: empty ? start : span.end0,
    ...(l.ref === undefined ? {} : { ref: flip(l.ref) }),
    ...(l.alt === undefined ? {} : { alt: flip(l.alt) }),
    assembly: APP_ASSEMBLY,
  };
}

/**
 * Gives each variant row a GRCh38 location (issue 15 item 2): a row the node placed on GRCh37 (by
 * its record's accession, else by the node's assembly) is lifted, and keeps its own coordinates in
 * `nodePlace`; one without a GRCh38 place keeps its GRCh37 location (the track does not draw it)
 * and says why in `unplaced`. Where the query named a REF and the node has another at the mapped
 * place, the row and the node say so (liftover maps positions, not alleles).
 */
export function placeRows(
  rows: readonly RecordRow[],
  nodeAssembly: Assembly,
  queryRef: string | undefined,
): Placed {
  const seen = new Set<Assembly>();
  const notes: string[] = [];
  const out = rows.map((row): RecordRow => {
    if (row.kind !== 'variant' || row.location === undefined) return row;
    const l = row.location;
    if (l.assembly !== undefined) seen.add(l.assembly);
    const from = l.assembly ?? nodeAssembly;
    if (from === APP_ASSEMBLY) return row;
    const own = {
      assembly: from,
      chrom: l.chr,
      pos: l.start + 1,
      ref: l.ref ?? '',
      alt: l.alt ?? '',
    };
    const lifted = liftLocation({ ...l, assembly: from }, from);
    if (typeof lifted === 'string')
      return {
        ...row,
        location: { ...l, assembly: from },
        nodePlace: own,
        unplaced: `no ${APP_ASSEMBLY} position: ${why(lifted)}`,
      };
    const refNote =
      queryRef !== undefined && lifted.ref !== undefined && !refAgrees(queryRef, lifted.ref)
        ? `REF differs between assemblies: ${APP_ASSEMBLY} ${queryRef}, ${from} ${l.ref ?? ''}`
        : undefined;
    if (refNote !== undefined) notes.push(`${row.datasetId} ${row.id}: ${refNote}.`);
    return {
      ...row,
      location: lifted,
      nodePlace: own,
      ...(refNote === undefined
        ? {}
        : { refNote, refDiffers: { asked: queryRef ?? '', node: l.ref ?? '', assembly: from } }),
    };
  });
  return { rows: out, seen, notes };
}
