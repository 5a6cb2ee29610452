// Types for scripts/electronegativity.mjs (a plain Node build script), so TypeScript tests can import it.
export interface Finding {
  id: string;
  severity: string;
  level: number;
  confidence: string;
  file: string;
  line: number;
  description: string;
}
export const REVIEWED: { id: string; file: string; why: string }[];
export const INPUTS: { input: string; excluded: string[] }[];
export function electronegativityGate(inputs?: { input: string; excluded: string[] }[]): Promise<{
  electronVersion: string;
  findings: Finding[];
  errors: { file: string; message: string }[];
  blocking: Finding[];
}>;
