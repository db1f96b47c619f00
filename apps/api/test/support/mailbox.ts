import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The .eml files the API writes to MAIL_DIR when no SMTP server is set, read back as a mail client would see
 * them: a test boots the app with `MAIL_DIR: mailbox.dir` and reads links out of what was "sent".
 */
export class Mailbox {
  private constructor(readonly dir: string) {}

  static async create(): Promise<Mailbox> {
    return new Mailbox(await mkdtemp(path.join(os.tmpdir(), 'takehome-mail-')));
  }

  /** Every message so far, oldest first (file names start with the time they were written). */
  async all(): Promise<SentMail[]> {
    const files = (await readdir(this.dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
    return Promise.all(files.map(async (f) => parseEml(await readFile(path.join(this.dir, f), 'utf8'))));
  }

  async to(address: string): Promise<SentMail[]> {
    return (await this.all()).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Waits for the count-th message to this address and returns it (some mail leaves after the response). */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<SentMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await this.to(address);
      if (mails.length >= count) return mails[count - 1];
      if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms (got ${mails.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  remove() {
    return rm(this.dir, { recursive: true, force: true });
  }
}

/** The token at the end of the first link to `pathPrefix` (e.g. "/accept-invitation/") in the mail. */
export function tokenIn(mail: SentMail, pathPrefix: string): string {
  const match = new RegExp(`${pathPrefix.replace(/[/]/g, '\\/')}([\\w-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${pathPrefix} link in mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

function parseEml(raw: string): SentMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  let body = rest.join('\n\n');
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } else if (/base64/i.test(header('Content-Transfer-Encoding'))) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to: header('To'), subject: header('Subject'), text: body };
}
