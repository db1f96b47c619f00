import {
  assessmentAnalytics,
  type CreateInvitationRequest,
  csvImportResult,
  erasureResult,
  type ExtendInvitationRequest,
  type InvitationKind,
  issuedInvitationView,
  pipelineRow,
  type PipelineQuery,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

const base = (id: string) => `/api/assessments/${id}/invitations`;

/** Only the filters that are set, so the URL (and the export's file) stays clean. */
export function pipelineSearch(query: PipelineQuery): string {
  const params = new URLSearchParams();
  if (query.stage) params.set('stage', query.stage);
  if (query.kind) params.set('kind', query.kind);
  if (query.q?.trim()) params.set('q', query.q.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const fetchPipeline = (id: string, query: PipelineQuery) => request(z.array(pipelineRow), `${base(id)}${pipelineSearch(query)}`);
/** A plain link: the browser downloads the file with the session cookie, nothing to parse here. */
export const pipelineExportUrl = (id: string, query: PipelineQuery) => `${base(id)}/export.csv${pipelineSearch(query)}`;

export const createInvitation = (id: string, body: CreateInvitationRequest) =>
  request(issuedInvitationView, base(id), { method: 'POST', json: body });

/** A form upload; the browser sets the multipart boundary itself. */
export function importInvitations(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request(csvImportResult, `${base(id)}/import`, { method: 'POST', body: form });
}

export const resendInvitation = (id: string, invitationId: string) =>
  request(issuedInvitationView, `${base(id)}/${invitationId}/resend`, { method: 'POST' });
export const extendInvitation = (id: string, invitationId: string, body: ExtendInvitationRequest) =>
  request(pipelineRow, `${base(id)}/${invitationId}/extend`, { method: 'POST', json: body });
export const revokeInvitation = (id: string, invitationId: string) =>
  request(pipelineRow, `${base(id)}/${invitationId}/revoke`, { method: 'POST' });

export const eraseCandidate = (invitationId: string) => request(erasureResult, `/api/invitations/${invitationId}/erasure`, { method: 'POST' });

export const fetchAnalytics = (id: string, kind: InvitationKind) =>
  request(assessmentAnalytics, `/api/assessments/${id}/analytics?kind=${kind}`);
