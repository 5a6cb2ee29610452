import type { TFunction } from 'i18next';
import type { AuditVerdict } from '../../../shared/audit/auditLog';
import { AUDIT_BREAK_REASONS } from '../../../shared/audit/auditLog';
import type { Notice } from '../../../shared/settings/settings';

type Broken = Pick<Extract<AuditVerdict, { ok: false }>, 'line' | 'reason' | 'message' | 'detail'>;

/** Breaks whose words name a span of lines (plural by the span's length). */
const SPANS = new Set<Broken['reason']>(['seal-mismatch', 'rewritten', 'truncated', 'appended']);
/** Breaks whose words need numbers only `detail` carries. */
const NEEDS_DETAIL = new Set<Broken['reason']>([...SPANS, 'sequence-gap']);

/**
 * Where and how the audit chain breaks, in the app's language (issue 22, decision 0063), from the
 * verdict's reason, line and detail; main's English when a verdict lacks the numbers (written by
 * an older main). Line and entry numbers are ids: passed as text, never grouped.
 */
export function auditBreakText(t: TFunction, v: Broken): string {
  const d = v.detail;
  if (NEEDS_DETAIL.has(v.reason) && d === undefined) return v.message;
  const from = v.line;
  const to = d?.to ?? from;
  const key = v.reason === 'truncated' && d?.sealed === true ? 'truncated-sealed' : v.reason;
  return t(`mainCoded.auditBreak.${key}`, {
    line: String(v.line),
    prev: String(v.line - 1),
    last: String(v.line - 1),
    from: String(from),
    to: String(to),
    entry: String(d?.entry ?? ''),
    expected: String(d?.expected ?? ''),
    ...(SPANS.has(v.reason) ? { count: Math.max(1, to - from + 1) } : {}),
  });
}

/** The audit-break notice's parameters: main's English replaced by the words of its codes. */
export function noticeParams(t: TFunction, notice: Notice): Record<string, string> {
  const p = notice.params;
  const reason = AUDIT_BREAK_REASONS.find((r) => r === p.reason);
  const line = Number(p.line);
  if (notice.messageKey !== 'notice.auditBreak' || reason === undefined || !(line > 0)) return p;
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const detail = {
    ...(p.to === undefined ? {} : { to: num(p.to) }),
    ...(p.entry === undefined ? {} : { entry: num(p.entry) }),
    ...(p.expected === undefined ? {} : { expected: num(p.expected) }),
    ...(p.sealed === 'true' ? { sealed: true } : {}),
  };
  const broken = {
    line,
    reason,
    message: p.message ?? '',
    ...(Object.keys(detail).length === 0 ? {} : { detail }),
  } as Broken;
  return { ...p, message: auditBreakText(t, broken) };
}
