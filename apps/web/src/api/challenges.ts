import {
  challengeSummary,
  challengeVersionDetail,
  type EditChallengeVersionRequest,
  latestSuiteVerification,
  savedChallengeVersion,
  type StartSuiteVerificationRequest,
  suiteVerificationView,
  verifyResponse,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from './http';

export const fetchChallenges = () => request(z.array(challengeSummary), '/api/challenges');

export const fetchChallengeVersion = (challengeId: string, versionId: string) =>
  request(challengeVersionDetail, `/api/challenges/${challengeId}/versions/${versionId}`);

/** A form upload; the browser sets the multipart boundary itself, so no Content-Type is given here. */
export function importChallengeZip(zip: Blob) {
  const form = new FormData();
  form.append('file', zip, zip instanceof File ? zip.name : 'challenge.zip');
  return request(savedChallengeVersion, '/api/challenges/import', { method: 'POST', body: form });
}

export const editChallengeVersion = (challengeId: string, body: EditChallengeVersionRequest) =>
  request(savedChallengeVersion, `/api/challenges/${challengeId}/versions`, { method: 'POST', json: body });

export const verifyChallengeVersion = (challengeId: string, versionId: string) =>
  request(verifyResponse, `/api/challenges/${challengeId}/versions/${versionId}/verify`, { method: 'POST' });

const suiteVerifications = (challengeId: string, versionId: string) => `/api/challenges/${challengeId}/versions/${versionId}/suite-verifications`;

export const startSuiteVerification = (challengeId: string, versionId: string, body: StartSuiteVerificationRequest) =>
  request(suiteVerificationView, suiteVerifications(challengeId, versionId), { method: 'POST', json: body });

export const fetchLatestSuiteVerification = (challengeId: string, versionId: string) =>
  request(latestSuiteVerification, `${suiteVerifications(challengeId, versionId)}/latest`);
