import type { IgvModule } from './igvTypes';

/** Loads igv.js on demand (its own chunk); the one place the app imports igv. */
export async function loadIgv(): Promise<IgvModule> {
  const mod = await import('igv');
  return mod.default as unknown as IgvModule;
}
