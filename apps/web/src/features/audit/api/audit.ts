import { auditActorView, auditPage } from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

export const AUDIT_FILTER_KEYS = ['candidate', 'action', 'actorId', 'from', 'to', 'subjectType', 'subjectId', 'invitationId'] as const;

/** The filters as the page's URL and the API both carry them: plain strings, only those that are set. */
export type AuditFilterValues = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;

export function auditSearch(filters: AuditFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const fetchAuditPage = (filters: AuditFilterValues, cursor: string | null) =>
  request(auditPage, `/api/audit${auditSearch(filters, { limit: '50', ...(cursor ? { cursor } : {}) })}`);

/** A plain link: the browser downloads the file with the session cookie. */
export const auditExportUrl = (filters: AuditFilterValues) => `/api/audit/export.csv${auditSearch(filters)}`;

export const fetchAuditActors = () => request(z.array(auditActorView), '/api/audit/actors');
