import {
  candidateFeedback,
  candidateOverview,
  candidateRun,
  candidateWorkspace,
  practiceAllowance,
  type DeleteDraftFileRequest,
  type RenameDraftFileRequest,
  savedDraftFile,
  type SaveDraftFileRequest,
  submissionReceipt,
  type SurveyRequest,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

const base = '/api/candidate';
const empty = z.unknown();

export const openInvitation = (token: string) => request(empty, `${base}/sessions`, { method: 'POST', json: { token } });
export const fetchOverview = () => request(candidateOverview, `${base}/attempt`);
export const startAttempt = (runtime: string) => request(candidateOverview, `${base}/attempt/start`, { method: 'POST', json: { runtime } });
export const fetchWorkspace = () => request(candidateWorkspace, `${base}/workspace`);
export const saveFile = (body: SaveDraftFileRequest) => request(savedDraftFile, `${base}/files`, { method: 'PUT', json: body });
export const renameFile = (body: RenameDraftFileRequest) => request(savedDraftFile, `${base}/files/rename`, { method: 'POST', json: body });
export const deleteFile = (body: DeleteDraftFileRequest) => request(empty, `${base}/files/delete`, { method: 'POST', json: body });
export const startPracticeRun = () => request(candidateRun, `${base}/runs`, { method: 'POST' });
export const fetchPracticeAllowance = () => request(practiceAllowance, `${base}/runs/allowance`);
export const fetchPracticeRuns = () => request(z.array(candidateRun), `${base}/runs`);
export const submitAttempt = () => request(submissionReceipt, `${base}/submit`, { method: 'POST' });
export const answerSurvey = (body: SurveyRequest) => request(empty, `${base}/survey`, { method: 'POST', json: body });
export const fetchFeedback = () => request(candidateFeedback, `${base}/feedback`);
export const runEventsUrl = (runId: string) => `${base}/runs/${runId}/events`;
