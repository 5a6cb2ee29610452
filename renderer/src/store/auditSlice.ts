import type { StateCreator } from 'zustand';
import type { AuditList, AuditListRequest } from '../../../shared/audit/auditLog';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

/** The audit page's filter as the form holds it: dates are local calendar days (YYYY-MM-DD). */
export interface AuditFilter {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

export interface AuditSlice {
  /** The log as main last listed it for this filter (and this user: sealed fields are per user). */
  audit: AuditList | undefined;
  auditFilter: AuditFilter;
  auditError: string | undefined;
  loadAudit: () => Promise<void>;
  setAuditFilter: (patch: Partial<AuditFilter>) => Promise<void>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a YYYY-MM-DD day, `plusDays` later, as an ISO instant; undefined if no day. */
function localDay(day: string, plusDays = 0): string | undefined {
  const m = DAY.exec(day);
  if (m === null) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** The request for a filter: the "to" day is included (up to the next local midnight). */
export function auditRequest(filter: AuditFilter): AuditListRequest {
  const from = localDay(filter.from);
  const to = localDay(filter.to, 1);
  const text = filter.text.trim();
  return {
    ...(filter.type === '' ? {} : { types: [filter.type] }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(text === '' ? {} : { text }),
  };
}

export const emptyAuditFilter: AuditFilter = { type: '', from: '', to: '', text: '' };

/** Answers to older requests are dropped: typing in the text filter sends one request per key. */
let latest = 0;

/** The audit log, listed and verified by main (issue 13); the renderer only filters through it. */
export const createAuditSlice: StateCreator<StoreState, [], [], AuditSlice> = (set, get) => ({
  audit: undefined,
  auditFilter: emptyAuditFilter,
  auditError: undefined,
  async loadAudit() {
    const mine = ++latest;
    const result = await api().invoke('audit:list', auditRequest(get().auditFilter));
    if (mine !== latest) return;
    if (result.ok) set({ audit: result.value, auditError: undefined });
    else set({ auditError: appErrorText(result.error) });
  },
  async setAuditFilter(patch) {
    set({ auditFilter: { ...get().auditFilter, ...patch } });
    await get().loadAudit();
  },
});
