import {
  assessmentView,
  type CreateAssessmentRequest,
  type AssessmentStatus,
  transitionAssessmentRequest,
  type UpdateAssessmentRequest,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

export const fetchAssessments = () => request(z.array(assessmentView), '/api/assessments');
export const fetchAssessment = (id: string) => request(assessmentView, `/api/assessments/${id}`);
export const createAssessment = (body: CreateAssessmentRequest) =>
  request(assessmentView, '/api/assessments', { method: 'POST', json: body });
export const updateAssessment = (id: string, body: UpdateAssessmentRequest) =>
  request(assessmentView, `/api/assessments/${id}`, { method: 'PATCH', json: body });
/**
 * The lifecycle allows pilot -> draft but the request contract does not name DRAFT yet; callers offer that
 * move only when `canRequestTransition('DRAFT')` says the contract takes it.
 */
export const transitionAssessment = (id: string, to: AssessmentStatus) =>
  request(assessmentView, `/api/assessments/${id}/transition`, { method: 'POST', json: { to } });

export const canRequestTransition = (to: AssessmentStatus) => transitionAssessmentRequest.safeParse({ to }).success;
