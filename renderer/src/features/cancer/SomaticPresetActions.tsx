import type { SomaticFilter } from '../../../../shared/cancer/somaticFilter';
import type { SomaticPresetFile } from '../../../../shared/cancer/somaticPresets';
import {
  BUILT_IN_SOMATIC_PRESET_FILES,
  somaticPresetFile,
  somaticPresetNamed,
} from '../../../../shared/cancer/somaticPresets';
import { useStore } from '../../store';
import { parseSomaticPresetFile } from '../caseReview/filterFiles';
import { PresetFileActions } from '../caseReview/PresetFileActions';

/**
 * The Somatic tab's own presets (issue 19, decision 0079), as the germline table's (issue 16):
 * save the somatic filter in force under a name (sealed per user, main's cancer:savePreset),
 * share it as a JSON file, import one (checked, refused located), delete the saved one in force.
 */
export function SomaticPresetActions(props: {
  readonly filter: SomaticFilter;
  readonly saved: readonly SomaticPresetFile[];
  readonly onApply: (f: SomaticFilter) => void;
}) {
  const save = useStore((s) => s.saveSomaticPreset);
  const remove = useStore((s) => s.deleteSomaticPreset);
  const current = somaticPresetNamed(props.filter, props.saved);
  const own = props.saved.some((p) => p.name === current);
  return (
    <div className="preset-bar" data-testid="somatic-presets">
      <PresetFileActions
        prefix="somatic"
        here={somaticPresetFile(current ?? 'somatic filter', props.filter)}
        existing={[...BUILT_IN_SOMATIC_PRESET_FILES, ...props.saved]}
        deletable={own ? current : undefined}
        fileSuffix="somatic-filter"
        parse={parseSomaticPresetFile}
        save={save}
        remove={remove}
        onSaved={(p) => props.onApply(p.filter)}
        onDeleted={() => undefined}
      />
    </div>
  );
}
