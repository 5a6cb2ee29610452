// Patient VCFs opened from disk during this app run, by track id. File objects are handles, so they
// stay here, never in the store or a saved session (a restored session asks to reopen the file).
const files = new Map<string, { data: File; index?: File }>();

/** Keeps an opened VCF (and its tabix index) for the track. */
export function keepPatientFile(trackId: string, data: File, index?: File): void {
  files.set(trackId, index === undefined ? { data } : { data, index });
}

/** The opened file for a track, if it was opened in this run. */
export const patientFile = (trackId: string): { data: File; index?: File } | undefined =>
  files.get(trackId);

/** Forgets a closed track's file. */
export const forgetPatientFile = (trackId: string): boolean => files.delete(trackId);
