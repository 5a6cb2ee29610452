import type { IgnoredVisa } from '../../../shared/auth/session';
import type { AuditLog } from '../audit/auditLog';

/** Audits each ignored visa once per run (the same rejection at every refresh is one entry). */
export function createRejectionAudit(audit: AuditLog): (ignored: readonly IgnoredVisa[]) => void {
  const seen = new Set<string>();
  return (ignored) => {
    for (const v of ignored) {
      const key = `${v.type} ${v.issuer} ${v.value ?? ''} ${v.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      audit.append('auth.visa_rejected', {
        type: v.type,
        issuer: v.issuer,
        value: v.value,
        reason: v.reason,
      });
    }
  };
}
