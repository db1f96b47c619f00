import type { UserRole } from '@takehome/contracts';

export const roleLabels: Record<UserRole, string> = { ADMIN: 'Admin', HIRING_LEAD: 'Hiring lead', REVIEWER: 'Reviewer' };

export const roleOptions = [
  { value: 'REVIEWER', label: 'Reviewer — grades assigned submissions' },
  { value: 'HIRING_LEAD', label: 'Hiring lead — runs assessments and assigns reviews' },
  { value: 'ADMIN', label: 'Admin — also manages members' },
];

export const formatWhen = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : 'Never';
