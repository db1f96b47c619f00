import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * One way out for email. With SMTP_URL it speaks SMTP (tests point it at a loopback server); without it,
 * each message is rendered to an .eml file in MAIL_DIR, so a local run shows what would have been sent
 * and no message can leave the machine by accident.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    if (this.config.SMTP_URL) return;
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    const file = path.join(this.config.MAIL_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`mail to ${mail.to} written to ${file}`);
  }

  /**
   * Erasure: removes the local copies (MAIL_DIR) of messages that name any of these terms, typically a
   * candidate's address and name. Mail already handed to an SMTP server is beyond the platform's reach.
   */
  async forget(terms: string[]): Promise<number> {
    const needles = terms.filter((t) => t.trim().length >= 3).map((t) => t.toLowerCase());
    if (!needles.length) return 0;
    const files = (await readdir(this.config.MAIL_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
    let removed = 0;
    for (const name of files) {
      const file = path.join(this.config.MAIL_DIR, name);
      const text = (await readFile(file, 'utf8').catch(() => '')).toLowerCase();
      if (needles.some((n) => text.includes(n))) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
