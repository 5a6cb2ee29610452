import { z } from 'zod';
import type { CasePreset } from '../../../shared/cases/filters';
import { CasePresetSchema } from '../../../shared/cases/filters';
import { BUILT_IN_PRESETS, builtInPreset } from '../../../shared/cases/presets';
import { HandlerError } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { StateOwner } from '../vault/userState';
import { createUserStateFile } from '../vault/userState';
import { words } from '../../../shared/appError';

/** The built-in filter presets and the owner's own, sealed per user like saved cohorts (0011). */
export interface CasePresets {
  list(): CasePreset[];
  view(): { builtIn: CasePreset[]; saved: CasePreset[] };
  save(p: CasePreset): { builtIn: CasePreset[]; saved: CasePreset[] };
  remove(name: string): { builtIn: CasePreset[]; saved: CasePreset[] };
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createCasePresets(opts: {
  owner: () => StateOwner | undefined;
  logger: Logger;
}): CasePresets {
  const state = createUserStateFile<CasePreset[]>({
    name: 'case-presets',
    schema: z.array(CasePresetSchema),
    empty: () => [],
    merge: (disk, memory) => [
      ...memory,
      ...disk.filter((d) => !memory.some((m) => same(m.name, d.name))),
    ],
    owner: opts.owner,
    logger: opts.logger,
  });
  const view = () => ({ builtIn: [...BUILT_IN_PRESETS], saved: state.get() });
  return {
    list: () => state.get(),
    view,
    save(p) {
      if (builtInPreset(p.name) !== undefined)
        throw new HandlerError(
          'INVALID_REQUEST',
          `"${p.name}" is a built-in preset; save yours under another name.`,
          'name',
          words('builtInPreset', { name: p.name }),
        );
      state.update((all) => [p, ...all.filter((x) => !same(x.name, p.name))].slice(0, 200));
      return view();
    },
    remove(name) {
      state.update((all) => all.filter((x) => !same(x.name, name)));
      return view();
    },
  };
}
