import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiConfig } from '../config/api-config';
import { MailService } from './mail.service';

describe(MailService.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'takehome-mail-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  describe('send', () => {
    it('writes an .eml file to MAIL_DIR when no SMTP server is configured', async () => {
      const mail = new MailService({ SMTP_URL: undefined, MAIL_FROM: 'Takehome <no-reply@takehome.local>', MAIL_DIR: dir } as ApiConfig);
      await mail.send({ to: 'ada@example.test', subject: 'Your feedback is ready', text: 'Read it here: http://127.0.0.1:3000/feedback' });
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = await readFile(path.join(dir, files[0]), 'utf8');
      expect(eml).toContain('To: ada@example.test');
      expect(eml).toContain('Subject: Your feedback is ready');
      expect(eml).toContain('http://127.0.0.1:3000/feedback');
    });
  });
});
