import type { SettingProblem } from '../../../shared/settings/settingProblem';

/**
 * One mechanism's policy as read, before validation: keys are setting keys, values plain JSON values
 * (a registry DWORD already a number or boolean, a REG_MULTI_SZ an array). loadPolicy validates
 * every key against the policy schema and reports problems with `location`.
 */
export interface PolicySourceRead {
  readonly kind: 'file' | 'Group Policy' | 'configuration profile';
  /** The file path, registry key or managed preferences file. */
  readonly location: string;
  readonly found: boolean;
  readonly locked: Readonly<Record<string, unknown>>;
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly cachePurgeRequest?: unknown;
  /** Problems found while reading (syntax, an unknown value name, a wrong registry type). */
  readonly problems: readonly string[];
  /** `problems` as codes, same order, where the reader has one (decision 0076). */
  readonly said?: readonly (SettingProblem | undefined)[];
}
