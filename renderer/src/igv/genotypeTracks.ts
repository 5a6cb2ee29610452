import type { createGenotypeReader } from './genotypeReader';

type GenotypeReader = ReturnType<typeof createGenotypeReader>;

// The live genotype reader per track id: the sort control reads the calls at the centre through
// the same reader igv draws from, so sample indexes agree. Readers are handles, never store data.
const readers = new Map<string, GenotypeReader>();

/** Remembers the reader a genotype track was built with. */
export function keepGenotypeReader(trackId: string, reader: GenotypeReader): void {
  readers.set(trackId, reader);
}

/** The reader of a loaded genotype track, if any. */
export const genotypeReader = (trackId: string): GenotypeReader | undefined => readers.get(trackId);
