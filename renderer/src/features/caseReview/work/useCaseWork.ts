import { useCallback, useEffect } from 'react';
import type { WorkChange } from '../../../../../shared/cases/workChannels';
import { useStore } from '../../../store';
import type { WorkChangeOf } from '../../../store/caseWorkSlice';

/** The open case's work from the store (issue 18), loaded when the view opens a case. */
export function useCaseWork(caseId: string) {
  const load = useStore((s) => s.loadCaseWork);
  const held = useStore((s) => s.caseWork);
  const error = useStore((s) => s.caseWorkError);
  const clinvar = useStore((s) => s.caseClinvar);
  const changeWork = useStore((s) => s.changeCaseWork);
  const lookupClinvar = useStore((s) => s.lookupClinvar);
  const loadSeen = useStore((s) => s.loadSeen);
  useEffect(() => {
    void load(caseId);
    // The stored seen-before answers feed the evidence sheet's frequency criteria (issue 18).
    void loadSeen(caseId);
  }, [caseId, load, loadSeen]);
  const change = useCallback(
    (c: WorkChange | WorkChangeOf) => changeWork(caseId, c),
    [caseId, changeWork],
  );
  const lookup = useCallback(
    (variantKey: string, gene: string | null) =>
      lookupClinvar([variantKey], gene === null ? [] : [gene]),
    [lookupClinvar],
  );
  const work = held?.caseId === caseId ? held.work : undefined;
  return { work, error, clinvar, change, lookup };
}
