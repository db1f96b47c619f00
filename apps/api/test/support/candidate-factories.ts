import type { PrismaClient } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { hashToken, randomToken } from '../../src/common/tokens';
import { importBuiltInChallenges } from '../../src/seed/seed';
import type { Factories } from './factories';

export interface InvitationOptions {
  timeLimitMinutes?: number;
  accommodationMinutes?: number;
  graceSeconds?: number;
  practiceRunsPerHour?: number;
  expiresAt?: Date;
  status?: 'PENDING' | 'OPENED' | 'REVOKED';
}

/** An organization with a live url-shortener assessment, and invitations whose link token the test keeps. */
export class CandidateFactories {
  private readonly prisma: PrismaClient;

  constructor(private readonly factories: Factories) {
    this.prisma = factories.prisma;
  }

  async scene(options: InvitationOptions = {}) {
    const org = await this.factories.organization();
    const imported = await importBuiltInChallenges(this.prisma, org.id);
    const version = imported.find((c) => c.slug === 'url-shortener')!;
    const assessment = await this.prisma.assessment.create({
      data: {
        organizationId: org.id,
        challengeVersionId: version.id,
        name: `Backend engineer ${randomUUID().slice(0, 6)}`,
        status: 'LIVE',
        timeLimitMinutes: options.timeLimitMinutes ?? 150,
        runtimes: ['node20', 'python3'],
        graceSeconds: options.graceSeconds ?? 60,
        practiceRunsPerHour: options.practiceRunsPerHour ?? 20,
        launchedAt: new Date(),
      },
    });
    return { org, assessment, challengeVersionId: version.id };
  }

  async invitation(scene: { org: { id: string }; assessment: { id: string } }, options: InvitationOptions = {}) {
    const token = randomToken();
    const suffix = randomUUID().slice(0, 8);
    const invitation = await this.prisma.invitation.create({
      data: {
        organizationId: scene.org.id,
        assessmentId: scene.assessment.id,
        candidateName: `Ada Candidate-${suffix}`,
        candidateEmail: `ada.${suffix}@candidate.test`,
        pseudonym: `Candidate ${suffix.slice(0, 4).toUpperCase()}`,
        tokenHash: hashToken(token),
        expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
        accommodationMinutes: options.accommodationMinutes ?? 0,
        status: options.status ?? 'PENDING',
        revokedAt: options.status === 'REVOKED' ? new Date() : null,
      },
    });
    return { invitation, token, link: `/a/${token}` };
  }
}

/** A candidate's HTTP client: opens the link once and then sends the session cookie like a browser would. */
export class CandidateClient {
  cookie = '';

  constructor(private readonly baseUrl: string) {}

  async open(token: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/api/candidate/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}/api/candidate${path}`, {
      method,
      headers: { Cookie: this.cookie, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
    const res = await this.call(method, path, body);
    const text = await res.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, text };
  }
}
