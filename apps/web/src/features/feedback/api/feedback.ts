import { feedbackComposer, feedbackQueueItem, releasedFeedbackView, type SaveFeedbackRequest } from '@takehome/contracts';
import { z } from 'zod';
import { request } from '../../../api/http';

export const fetchFeedbackQueue = () => request(z.array(feedbackQueueItem), '/api/feedback/queue');
export const fetchFeedbackComposer = (id: string) => request(feedbackComposer, `/api/feedback/submissions/${id}`);
export const saveFeedback = (id: string, body: SaveFeedbackRequest) =>
  request(feedbackComposer, `/api/feedback/submissions/${id}`, { method: 'PUT', json: body });
export const releaseFeedback = (id: string) => request(releasedFeedbackView, `/api/feedback/submissions/${id}/release`, { method: 'POST' });
