import { useEffect } from 'react';
import type { CaseDetail } from '../../../../../shared/cases/channels';
import { useStore } from '../../../store';
import { LikeMine } from './LikeMine';
import { SeenBefore } from './SeenBefore';

/** The case's "Federation" tab (issue 18): seen before, and patients like mine. */
export function SeenView({ detail }: { readonly detail: CaseDetail }) {
  const load = useStore((s) => s.loadSeen);
  useEffect(() => {
    void load(detail.caseId);
  }, [detail.caseId, load]);
  return (
    <div className="seen-view" data-testid="case-seen">
      <SeenBefore />
      <LikeMine />
    </div>
  );
}
