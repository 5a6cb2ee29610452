import { z } from 'zod';

/** The files a case is made from, as the case IPC contract names them (channels.ts). */

/** A handle main gave out for a file the user chose; meaningless to anyone else. */
export const FileHandleSchema = z.string().regex(/^fh_[A-Za-z0-9_-]{22}$/);

/** A file the user chose, as main describes it (base name only, never the folder). */
export const FileRefSchema = z.object({
  handle: FileHandleSchema,
  name: z.string().max(255),
  size: z.number().int().nonnegative(),
  /** An index (.tbi/.csi) chosen or found beside the VCF; the import streams the whole file and does not need it. */
  index: z.string().max(255).optional(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

/** The most a PED or Phenopacket file may hold (the page, main and the CLI alike; decision 0089). */
export const MAX_TEXT_FILE = 4_000_000;

/** A small text file the page read itself (PED, Phenopacket JSON). */
export const TextFileSchema = z
  .object({ name: z.string().min(1).max(255), text: z.string().max(MAX_TEXT_FILE) })
  .strict();
export type TextFile = z.infer<typeof TextFileSchema>;
