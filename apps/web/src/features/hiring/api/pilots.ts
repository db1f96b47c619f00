import { candidateReport, pilotReport } from '@takehome/contracts';
import { request } from '../../../api/http';

export const fetchPilotReport = (id: string) => request(pilotReport, `/api/assessments/${id}/pilot-report`);
export const fetchCandidateReport = (id: string, invitationId: string) =>
  request(candidateReport, `/api/assessments/${id}/invitations/${invitationId}/report`);
