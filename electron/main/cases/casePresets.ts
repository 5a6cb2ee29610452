import type { CasePreset } from '../../../shared/cases/filters';
import { CasePresetSchema } from '../../../shared/cases/filters';
import { BUILT_IN_PRESETS } from '../../../shared/cases/presets';
import type { SomaticPresetFile } from '../../../shared/cancer/somaticPresets';
import {
  BUILT_IN_SOMATIC_PRESET_FILES,
  SomaticPresetFileSchema,
} from '../../../shared/cancer/somaticPresets';
import type { Logger } from '../logging/logger';
import type { StateOwner } from '../vault/userState';
import type { PresetStore } from './presetStore';
import { createPresetStore } from './presetStore';

/** The germline case filter's presets (issue 16): built in and the owner's own. */
export type CasePresets = PresetStore<CasePreset>;
/** The somatic filter's presets of a cancer case (issue 19, decision 0079). */
export type SomaticPresets = PresetStore<SomaticPresetFile>;

interface Opts {
  owner: () => StateOwner | undefined;
  logger: Logger;
}

export const createCasePresets = (opts: Opts): CasePresets =>
  createPresetStore({
    file: 'case-presets',
    schema: CasePresetSchema,
    builtIn: BUILT_IN_PRESETS,
    ...opts,
  });

export const createSomaticPresets = (opts: Opts): SomaticPresets =>
  createPresetStore({
    file: 'somatic-presets',
    schema: SomaticPresetFileSchema,
    builtIn: BUILT_IN_SOMATIC_PRESET_FILES,
    ...opts,
  });
