import { getQueueToken } from '@nestjs/bullmq';
import {
  type CreateInvitationRequest,
  csvImportResult,
  errorResponse,
  issuedInvitationView,
  pipelineRow,
  webhookDeliveryView,
} from '@takehome/contracts';
import type { Queue } from 'bullmq';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUTO_SUBMIT_JOB, DEADLINE_QUEUE } from '../src/attempts/submission/deadline-scheduler';
import { randomUUID } from 'node:crypto';
import { SubmissionsService } from '../src/attempts/submission/submissions.service';
import { InvitationsRepository } from '../src/pipeline/invitations.repository';
import { CandidateClient } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { PipelineFactories } from './support/pipeline-factories';
import { captureMail } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

/** The text of a captured message, with quoted-printable soft breaks and escapes undone. */
function mailText(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/));
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const tokenOf = (link: string) => link.split('/a/')[1];

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('invitations', () => {
  let t: TestApp;
  let f: Factories;
  let pf: PipelineFactories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('invitations', { SMTP_URL: smtp.url, PUBLIC_URL: 'http://takehome.test', WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true' });
    f = new Factories(t.config.DATABASE_URL);
    pf = new PipelineFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
    await smtp?.close();
  });

  async function lead(status: Parameters<PipelineFactories['scene']>[0] = 'LIVE') {
    const scene = await pf.scene(status);
    const cookie = await signIn(t.baseUrl, scene.lead.email, scene.lead.password);
    // Strings, forms and blobs go as they are; anything else as JSON.
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const asIs = typeof body === 'string' || body instanceof FormData || body instanceof Blob;
      return fetch(`${t.baseUrl}/api/assessments/${scene.assessment.id}${path}`, {
        method,
        headers: { Cookie: cookie, ...(body !== undefined && !asIs ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : asIs ? (body as RequestInit['body']) : JSON.stringify(body),
      });
    };
    const invite = async (body: CreateInvitationRequest) => {
      const res = await call('POST', '/invitations', body);
      expect(res.status, await res.clone().text()).toBe(201);
      return issuedInvitationView.parse(await res.json());
    };
    const importCsv = (csv: string) => call('POST', '/invitations/import', csv, { 'Content-Type': 'text/csv' });
    return { ...scene, cookie, call, invite, importCsv };
  }

  const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

  describe('one by one', () => {
    it('invites a candidate on a live assessment, emails the link once, and tells subscribed webhooks without the token', async () => {
      const received: string[] = [];
      const ats = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c)).on('end', () => {
          received.push(body);
          res.end();
        });
      });
      await new Promise<void>((r) => ats.listen(0, '127.0.0.1', () => r()));
      try {
        const s = await lead();
        const hook = await fetch(`${t.baseUrl}/api/webhooks`, {
          method: 'POST',
          headers: { Cookie: s.cookie, 'Content-Type': 'application/json' },
          body: JSON.stringify({ url: `http://127.0.0.1:${(ats.address() as AddressInfo).port}/hook`, events: ['invitation.created'] }),
        }).then((r) => r.json() as Promise<{ id: string }>);

        const issued = await s.invite({ name: 'Grace Hopper', email: ' Grace@Example.TEST ', accommodationMinutes: 30 });
        expect(issued).toMatchObject({ kind: 'CANDIDATE', name: 'Grace Hopper', email: 'grace@example.test', stage: 'INVITED', sendCount: 1, accommodationMinutes: 30 });
        expect(issued.sentAt).not.toBeNull();
        expect(issued.pseudonym).toBe('Candidate 001');
        expect(issued.link).toMatch(/^http:\/\/takehome\.test\/a\/[\w-]{43}$/);
        expect(new Date(issued.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);

        const [mail] = mailsTo('grace@example.test');
        expect(mail.raw).toContain('Subject: Your invitation: ');
        const text = mailText(mail.raw);
        expect(text).toContain('Hello Grace Hopper,');
        expect(text).toContain(s.assessment.name);
        expect(text).toContain('3 hours (2 hours 30 minutes plus 30 minutes of extra time)');
        expect(text).toContain(issued.link);
        expect(text).toContain(`until ${issued.expiresAt.slice(0, 16).replace('T', ' ')} UTC`);
        expect(text).not.toContain('pilot');

        // The link works for the candidate, and only its hash is stored.
        expect((await new CandidateClient(t.baseUrl).open(tokenOf(issued.link))).status).toBe(204);
        const stored = await f.prisma.invitation.findUniqueOrThrow({ where: { id: issued.invitationId } });
        expect(stored.tokenHash).not.toContain(tokenOf(issued.link));

        const deliveries = z.array(webhookDeliveryView).parse(
          await fetch(`${t.baseUrl}/api/webhooks/${hook.id}/deliveries`, { headers: { Cookie: s.cookie } }).then((r) => r.json()),
        );
        expect(deliveries).toEqual([expect.objectContaining({ event: 'invitation.created' })]);
        await waitFor(() => received.length === 1);
        const payload = JSON.parse(received[0]);
        expect(payload.data).toEqual({ invitationId: issued.invitationId, assessmentId: s.assessment.id, kind: 'CANDIDATE', email: 'grace@example.test', name: 'Grace Hopper' });
        expect(received[0]).not.toContain(tokenOf(issued.link));

        const audit = await f.prisma.auditEvent.findMany({ where: { organizationId: s.org.id, subjectId: issued.invitationId } });
        expect(audit).toEqual([expect.objectContaining({ action: 'invitation.created', actorId: s.lead.id })]);
      } finally {
        await new Promise((r) => ats.close(r));
      }
    });

    it('invites teammates while piloting and says so; drafts and closed assessments take nobody', async () => {
      const pilot = await lead('PILOT');
      const issued = await pilot.invite({ name: 'Tess Teammate', email: `tess.${pilot.org.id.slice(0, 6)}@team.test` });
      expect(issued).toMatchObject({ kind: 'PILOT', pseudonym: 'Pilot 001' });
      const [mail] = mailsTo(issued.email);
      expect(mail.raw).toContain('Subject: Pilot for the team: ');
      expect(mailText(mail.raw)).toContain('This is a pilot');

      for (const status of ['DRAFT', 'CLOSED'] as const) {
        const s = await lead(status);
        const res = await s.call('POST', '/invitations', { name: 'Nobody', email: 'nobody@example.test' });
        expect(res.status).toBe(409);
        expect(errorResponse.parse(await res.json()).message).toMatch(status === 'DRAFT' ? /draft assessment takes no invitations/ : /closed/);
      }
    });

    it('refuses the same email twice in one assessment, naming it, and validates the body', async () => {
      const s = await lead();
      await s.invite({ name: 'Ada', email: 'ada@twice.test' });
      const again = await s.call('POST', '/invitations', { name: 'Ada again', email: 'ADA@twice.test' });
      expect(again.status).toBe(409);
      expect(errorResponse.parse(await again.json()).message).toBe('ada@twice.test is already invited to this assessment.');
      const bad = await s.call('POST', '/invitations', { name: '', email: 'not-an-email', accommodationMinutes: 999 });
      expect(bad.status).toBe(400);
      expect(errorResponse.parse(await bad.json()).issues!.map((i) => i.path).sort()).toEqual(['accommodationMinutes', 'email', 'name']);
    });

    it("answers 404 for another organization's assessment or invitation, and 403 to reviewers", async () => {
      const mine = await lead();
      const theirs = await lead();
      const theirInvitation = await theirs.invite({ name: 'Theirs', email: 'theirs@other.test' });
      const foreign = (method: string, path: string, body?: unknown) =>
        fetch(`${t.baseUrl}/api/assessments/${theirs.assessment.id}${path}`, {
          method,
          headers: { Cookie: mine.cookie, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      expect((await foreign('GET', '/invitations')).status).toBe(404);
      expect((await foreign('GET', '/invitations/export.csv')).status).toBe(404);
      expect((await foreign('GET', '/analytics')).status).toBe(404);
      expect((await foreign('POST', '/invitations', { name: 'x', email: 'x@x.test' })).status).toBe(404);
      for (const action of ['resend', 'revoke']) expect((await foreign('POST', `/invitations/${theirInvitation.invitationId}/${action}`)).status).toBe(404);
      expect((await foreign('POST', `/invitations/${theirInvitation.invitationId}/extend`, { days: 1 })).status).toBe(404);
      // Their invitation under my assessment's id is not found either.
      expect((await mine.call('POST', `/invitations/${theirInvitation.invitationId}/revoke`)).status).toBe(404);
      expect((await f.prisma.invitation.findUniqueOrThrow({ where: { id: theirInvitation.invitationId } })).status).toBe('PENDING');

      const reviewer = await f.user(mine.org.id, 'REVIEWER');
      const reviewerCookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
      const res = await fetch(`${t.baseUrl}/api/assessments/${mine.assessment.id}/invitations`, { headers: { Cookie: reviewerCookie } });
      expect(res.status).toBe(403);
    });
  });

  describe('CSV import', () => {
    const csv = [
      'Name,Email,Accommodation Minutes',
      'Alan Turing,alan@import.test,',
      ',nameless@import.test,0',
      'Bad Email,not-an-email,0',
      'Katherine Johnson,katherine@import.test,45',
      'Alan Again,ALAN@import.test,0',
      'Too Long,long@import.test,999',
      'Dorothy Vaughan,dorothy@import.test,0',
    ].join('\n');

    it('imports the good rows, reports each bad one by line, and a second upload imports nobody', async () => {
      const s = await lead();
      await s.invite({ name: 'Already Here', email: 'dorothy@import.test' });
      const before = smtp.messages.length;
      const res = await s.importCsv(csv);
      expect(res.status, await res.clone().text()).toBe(200);
      const result = csvImportResult.parse(await res.json());
      expect(result.imported.map((r) => [r.name, r.email, r.accommodationMinutes, r.sendCount])).toEqual([
        ['Alan Turing', 'alan@import.test', 0, 1],
        ['Katherine Johnson', 'katherine@import.test', 45, 1],
      ]);
      expect(new Set(result.imported.map((r) => r.pseudonym))).toEqual(new Set(['Candidate 002', 'Candidate 003']));
      expect(result.problems.map((p) => p.line)).toEqual([3, 4, 6, 7, 8]);
      expect(result.problems.find((p) => p.line === 8)!.message).toBe('dorothy@import.test is already invited to this assessment');
      expect(result.problems.find((p) => p.line === 6)!.message).toContain('already on line 2');
      // One email per imported invitee, with the link returned for it.
      expect(smtp.messages.length - before).toBe(2);
      expect(mailText(mailsTo('katherine@import.test')[0].raw)).toContain(result.imported[1].link);

      const again = csvImportResult.parse(await (await s.importCsv(csv)).json());
      expect(again.imported).toEqual([]);
      expect(again.problems.filter((p) => p.message.endsWith('is already invited to this assessment')).map((p) => p.line)).toEqual([2, 5, 8]);
      expect(await f.prisma.invitation.count({ where: { assessmentId: s.assessment.id } })).toBe(3);
    });

    it('numbers pseudonyms uniquely when imports land at the same moment', async () => {
      const s = await lead();
      // Straight at the repository, so the transactions really overlap (over HTTP the parsing spaces them out).
      const repository = t.app.get(InvitationsRepository);
      const batch = (n: number) => [{ id: randomUUID(), candidateName: `Racer ${n}`, candidateEmail: `racer${n}@race.test`, accommodationMinutes: 0, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) }];
      await Promise.all(Array.from({ length: 12 }, (_, n) => repository.createAll(s.org.id, s.assessment.id, 'CANDIDATE', batch(n))));
      const rows = await f.prisma.invitation.findMany({ where: { assessmentId: s.assessment.id }, select: { pseudonym: true } });
      expect(rows).toHaveLength(12);
      expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(12);
    });

    it('takes a multipart form upload too', async () => {
      const s = await lead();
      const form = new FormData();
      form.append('file', new Blob(['\uFEFFname,email\nMary Jackson,mary@form.test\n'], { type: 'text/csv' }), 'people.csv');
      const res = await s.call('POST', '/invitations/import', form);
      expect(res.status).toBe(200);
      expect(csvImportResult.parse(await res.json()).imported.map((r) => r.email)).toEqual(['mary@form.test']);
    });

    it('refuses an empty file, a file without the columns, non-UTF-8 text and an oversized body', async () => {
      const s = await lead();
      const empty = await s.importCsv('');
      expect(empty.status).toBe(400);
      expect(errorResponse.parse(await empty.json()).message).toBe('The file is empty.');
      const headerOnly = await s.importCsv('name,email\n');
      expect(headerOnly.status).toBe(400);
      const wrongHeader = await s.importCsv('first,last\nAda,Lovelace\n');
      expect(wrongHeader.status).toBe(400);
      expect(errorResponse.parse(await wrongHeader.json()).message).toMatch(/first line must name the columns/);
      const latin1 = await s.call('POST', '/invitations/import', new Blob([Buffer.from('name,email\nJos\xe9,jose@x.test\n', 'latin1')]), { 'Content-Type': 'text/csv' });
      expect(latin1.status).toBe(400);
      expect(errorResponse.parse(await latin1.json()).message).toMatch(/UTF-8/);
      const noBody = await s.call('POST', '/invitations/import', JSON.stringify({}), { 'Content-Type': 'application/json' });
      expect(noBody.status).toBe(400);
      const huge = await s.importCsv(`name,email\n${'x'.repeat(1024 * 1024 + 10)}\n`);
      expect(huge.status).toBe(413);
      expect(await f.prisma.invitation.count({ where: { assessmentId: s.assessment.id } })).toBe(0);
    });

    it('imports nothing, emails nobody and emits nothing when the transaction fails', async () => {
      const s = await lead();
      // A database that refuses one of the rows mid-import: the whole batch must roll back.
      await f.prisma.$executeRawUnsafe(`
        CREATE OR REPLACE FUNCTION refuse_exploding_invitee() RETURNS trigger AS $$
        BEGIN
          IF NEW."candidateEmail" LIKE 'explode%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await f.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_exploding_invitee BEFORE INSERT ON "Invitation" FOR EACH ROW EXECUTE FUNCTION refuse_exploding_invitee()`,
      );
      try {
        const before = smtp.messages.length;
        const res = await s.importCsv('name,email\nFirst Fine,first@tx.test\nBoom,explode@tx.test\nLast Fine,last@tx.test\n');
        expect(res.status).toBe(500);
        expect(errorResponse.parse(await res.json()).message).toMatch(/^Nothing was invited/);
        expect(await f.prisma.invitation.count({ where: { assessmentId: s.assessment.id } })).toBe(0);
        expect(smtp.messages.length).toBe(before);
        expect(await f.prisma.webhookDelivery.count({ where: { endpoint: { organizationId: s.org.id } } })).toBe(0);
      } finally {
        await f.prisma.$executeRawUnsafe('DROP TRIGGER refuse_exploding_invitee ON "Invitation"');
      }
      const ok = csvImportResult.parse(await (await s.importCsv('name,email\nFirst Fine,first@tx.test\n')).json());
      expect(ok.imported).toHaveLength(1);
    });
  });

  describe('managing an invitation', () => {
    it('resend rotates the link: the old one stops working, the new one is mailed', async () => {
      const s = await lead();
      const issued = await s.invite({ name: 'Rosa Resend', email: 'rosa@resend.test' });
      const res = await s.call('POST', `/invitations/${issued.invitationId}/resend`);
      expect(res.status).toBe(200);
      const resent = issuedInvitationView.parse(await res.json());
      expect(resent.link).not.toBe(issued.link);
      expect(resent.sendCount).toBe(2);
      expect(new Date(resent.sentAt!).getTime()).toBeGreaterThanOrEqual(new Date(issued.sentAt!).getTime());

      const old = await new CandidateClient(t.baseUrl).open(tokenOf(issued.link));
      expect(old.status).toBe(404);
      expect((await new CandidateClient(t.baseUrl).open(tokenOf(resent.link))).status).toBe(204);
      const mails = mailsTo('rosa@resend.test');
      expect(mails).toHaveLength(2);
      expect(mailText(mails[1].raw)).toContain(resent.link);
      expect(mailText(mails[1].raw)).toContain('earlier link no longer works');
    });

    it('resend gives an expired, never-started invitation a fresh 7-day window; revoked or submitted ones are refused', async () => {
      const s = await lead();
      const expired = await pf.invitee(s, { expiresAt: new Date(Date.now() - 86_400_000) });
      const resent = issuedInvitationView.parse(await (await s.call('POST', `/invitations/${expired.invitation.id}/resend`)).json());
      expect(resent.stage).toBe('INVITED');
      expect(Math.abs(new Date(resent.expiresAt).getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);

      const revoked = await pf.invitee(s, { revoked: true });
      const submitted = await pf.invitee(s, { startedMinutesAgo: 100, submittedAfterMinutes: 60 });
      for (const id of [revoked.invitation.id, submitted.invitation.id]) {
        const res = await s.call('POST', `/invitations/${id}/resend`);
        expect(res.status).toBe(409);
      }
      const stored = await f.prisma.invitation.findUniqueOrThrow({ where: { id: submitted.invitation.id } });
      expect(stored.tokenHash).toBe(submitted.invitation.tokenHash);
    });

    it('extend moves the expiry from max(now, expiry) and moves a running attempt’s deadline with a new auto-submit job', async () => {
      const s = await lead();
      const expired = await pf.invitee(s, { expiresAt: new Date(Date.now() - 3 * 86_400_000) });
      const moved = pipelineRow.parse(await (await s.call('POST', `/invitations/${expired.invitation.id}/extend`, { days: 2 })).json());
      expect(Math.abs(new Date(moved.expiresAt).getTime() - (Date.now() + 2 * 86_400_000))).toBeLessThan(60_000);
      expect(moved.stage).toBe('INVITED');

      const issued = await s.invite({ name: 'Ella Extend', email: 'ella@extend.test' });
      const later = pipelineRow.parse(await (await s.call('POST', `/invitations/${issued.invitationId}/extend`, { days: 3 })).json());
      expect(new Date(later.expiresAt).getTime() - new Date(issued.expiresAt).getTime()).toBe(3 * 86_400_000);

      const candidate = new CandidateClient(t.baseUrl);
      await candidate.open(tokenOf(issued.link));
      expect((await candidate.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
      const before = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: issued.invitationId } });

      const res = await s.call('POST', `/invitations/${issued.invitationId}/extend`, { extraMinutes: 40 });
      expect(res.status).toBe(200);
      const row = pipelineRow.parse(await res.json());
      expect(row).toMatchObject({ stage: 'STARTED', accommodationMinutes: 40 });
      const after = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: issued.invitationId } });
      expect(after.deadline.getTime() - before.deadline.getTime()).toBe(40 * 60_000);
      expect(row.deadline).toBe(after.deadline.toISOString());
      expect((await candidate.json('GET', '/attempt')).body.attempt.deadline).toBe(after.deadline.toISOString());

      const queue = t.app.get<Queue>(getQueueToken(DEADLINE_QUEUE));
      const job = await queue.getJob(`${AUTO_SUBMIT_JOB}.${after.id}.${after.deadline.getTime() + 60_000}`);
      expect(job?.data).toEqual({ attemptId: after.id });

      const tooMuch = await s.call('POST', `/invitations/${issued.invitationId}/extend`, { extraMinutes: 450 });
      expect(tooMuch.status).toBe(400);
      expect(errorResponse.parse(await tooMuch.json()).issues![0].path).toBe('extraMinutes');
      expect((await s.call('POST', `/invitations/${issued.invitationId}/extend`, {})).status).toBe(400);

      expect((await candidate.json('POST', '/submit')).status).toBe(200);
      const refused = await s.call('POST', `/invitations/${issued.invitationId}/extend`, { extraMinutes: 10 });
      expect(refused.status).toBe(409);
      expect(errorResponse.parse(await refused.json()).message).toMatch(/already submitted/);
    });

    it('revoke ends an open candidate session and the link; it is refused once submitted', async () => {
      const s = await lead();
      const issued = await s.invite({ name: 'Ruth Revoke', email: 'ruth@revoke.test' });
      const candidate = new CandidateClient(t.baseUrl);
      await candidate.open(tokenOf(issued.link));
      expect((await candidate.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
      expect((await candidate.json('GET', '/attempt')).status).toBe(200);

      const res = await s.call('POST', `/invitations/${issued.invitationId}/revoke`);
      expect(res.status).toBe(200);
      const row = pipelineRow.parse(await res.json());
      expect(row).toMatchObject({ stage: 'REVOKED' });
      expect(row.revokedAt).not.toBeNull();

      expect((await candidate.json('GET', '/attempt')).status).toBe(401);
      expect((await candidate.json('PUT', '/files', { path: 'late.txt', content: 'x', baseRevision: null })).status).toBe(401);
      const reopen = await new CandidateClient(t.baseUrl).open(tokenOf(issued.link));
      expect(reopen.status).toBe(410);
      expect(await reopen.json()).toMatchObject({ code: 'revoked' });
      // Idempotent; but resending or extending a revoked invitation is refused.
      expect((await s.call('POST', `/invitations/${issued.invitationId}/revoke`)).status).toBe(200);
      expect((await s.call('POST', `/invitations/${issued.invitationId}/resend`)).status).toBe(409);
      expect((await s.call('POST', `/invitations/${issued.invitationId}/extend`, { days: 1 })).status).toBe(409);

      // Its deadline job still fires later; withdrawn work must not be submitted for grading.
      const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: issued.invitationId } });
      await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 600_000) } });
      await t.app.get(SubmissionsService).autoSubmitIfDue(attempt.id);
      expect(await f.prisma.submission.findUnique({ where: { attemptId: attempt.id } })).toBeNull();

      const submitted = await pf.invitee(s, { startedMinutesAgo: 100, submittedAfterMinutes: 60 });
      const refused = await s.call('POST', `/invitations/${submitted.invitation.id}/revoke`);
      expect(refused.status).toBe(409);
      expect((await f.prisma.invitation.findUniqueOrThrow({ where: { id: submitted.invitation.id } })).status).toBe('OPENED');
    });
  });
});
