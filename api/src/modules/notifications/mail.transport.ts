import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/config';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** SMTP when SMTP_URL is set; otherwise each message is written to MAIL_DIR as a .eml file (development). */
@Injectable()
export class MailTransport {
  private smtp: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) this.smtp = createTransport(config.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.smtp) {
      await this.smtp.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@lidz-vertigs>` });
      return;
    }
    await fs.mkdir(this.config.mailDir, { recursive: true });
    const eml = [`Message-ID: <${mail.id}@lidz-vertigs>`, `From: ${this.config.mailFrom}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, 'Content-Type: text/plain; charset=utf-8', '', mail.text].join('\r\n');
    // written under the message id: a retried job overwrites the same file instead of sending twice
    await fs.writeFile(path.join(this.config.mailDir, `${mail.id}.eml`), eml, 'utf8');
  }
}
