import nodemailer from 'nodemailer';
import type { EmailMessage, Notifier, SmsMessage } from './notifier';

export interface ChannelOptions {
  /** smtp://user:pass@host:port (plain, STARTTLS when offered) or smtps:// (TLS from the start). */
  smtpUrl?: string;
  mailFrom: string;
  smsWebhookUrl?: string;
  /** Bounds each network wait, so a hung server fails the activity attempt instead of eating its whole timeout. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const BODY_EXCERPT_CHARS = 200;

export function createNotifier(options: ChannelOptions): Notifier & { close(): Promise<void> } {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { smtpUrl, smsWebhookUrl, mailFrom } = options;

  // nodemailer reads secure/host/port/auth from the URL, and query options such as ?ignoreTLS=true for a
  // relay that advertises STARTTLS without a usable certificate. A pool keeps one connection warm across notices.
  const transport = smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: 2,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      })
    : undefined;

  return {
    emailEnabled: transport !== undefined,
    smsEnabled: smsWebhookUrl !== undefined,

    async sendEmail(message: EmailMessage): Promise<void> {
      if (!transport) throw new Error('e-mail channel is not configured (SMTP_URL is unset)');
      // nodemailer writes UTF-8 encoded-words for the headers and a UTF-8 transfer encoding for the body.
      await transport.sendMail({ from: mailFrom, to: message.to, subject: message.subject, text: message.text });
    },

    async sendSms(message: SmsMessage): Promise<void> {
      if (smsWebhookUrl === undefined) throw new Error('SMS channel is not configured (SMS_WEBHOOK_URL is unset)');
      const signal = AbortSignal.timeout(timeoutMs);
      let status: number;
      let body: string;
      try {
        const response = await fetch(smsWebhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.reference },
          body: JSON.stringify({ phone: message.phone, text: message.text, reference: message.reference }),
          signal,
        });
        status = response.status;
        // Read the body under the same deadline: a gateway can send its status line and then stall.
        body = await response.text();
      } catch (error) {
        if (signal.aborted) throw new Error(`SMS gateway did not answer within ${timeoutMs} ms`, { cause: error });
        // fetch reports every network failure as "fetch failed"; the cause says which one.
        const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new Error(`SMS gateway unreachable: ${reason}`, { cause: error });
      }
      if (status < 200 || status > 299) {
        throw new Error(`SMS gateway answered ${status}: ${body.slice(0, BODY_EXCERPT_CHARS)}`);
      }
    },

    async close(): Promise<void> {
      transport?.close();
    },
  };
}
