import {
  type AssignReviewersRequest,
  myReviewView,
  reviewAggregate,
  reviewerView,
  reviewPipelineItem,
  reviewQueueItem,
  type ReviewSettings,
  reviewSettings,
  reviewWorkspace,
  rubricAgreement,
  type SaveReviewRequest,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

export const fetchReviewQueue = () => request(z.array(reviewQueueItem), '/api/reviews/queue');
export const fetchReviewWorkspace = (id: string) => request(reviewWorkspace, `/api/reviews/submissions/${id}`);
export const saveReviewDraft = (id: string, body: SaveReviewRequest) =>
  request(myReviewView, `/api/reviews/submissions/${id}/draft`, { method: 'PUT', json: body });
export const submitReview = (id: string, body: SaveReviewRequest) =>
  request(myReviewView, `/api/reviews/submissions/${id}/submit`, { method: 'POST', json: body });

export const fetchReviewPipeline = () => request(z.array(reviewPipelineItem), '/api/reviews/pipeline');
export const fetchReviewers = () => request(z.array(reviewerView), '/api/reviews/reviewers');
export const assignReviewers = (id: string, body: AssignReviewersRequest) =>
  request(z.object({ assigned: z.array(z.string()) }), `/api/reviews/submissions/${id}/assignments`, { method: 'POST', json: body });
export const fetchReviewSettings = (assessmentId: string) => request(reviewSettings, `/api/reviews/assessments/${assessmentId}/settings`);
export const saveReviewSettings = (assessmentId: string, body: ReviewSettings) =>
  request(reviewSettings, `/api/reviews/assessments/${assessmentId}/settings`, { method: 'PUT', json: body });
export const unassignReviewer = (id: string, reviewerId: string) =>
  request(z.object({ unassigned: z.string() }), `/api/reviews/submissions/${id}/assignments/${reviewerId}`, { method: 'DELETE' });
export const fetchReviewAggregate = (id: string) => request(reviewAggregate, `/api/reviews/submissions/${id}/aggregate`);
export const fetchAgreement = () => request(z.array(rubricAgreement), '/api/reviews/agreement');
