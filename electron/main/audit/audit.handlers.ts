import type { Handlers } from '../ipc/router';
import type { AuditLog } from './auditLog';

/** Handlers for audit:* channels: the log as the Settings & audit page shows it (issue 13). */
export function auditHandlers(audit: AuditLog): Pick<Handlers, 'audit:list'> {
  return {
    'audit:list': (request) => audit.list(request),
  };
}
