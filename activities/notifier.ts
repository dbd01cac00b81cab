/** Outbound notice channels beyond the in-app inbox. Each send throws on failure so Temporal retries it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SmsMessage {
  phone: string;
  text: string;
  /** Stable per notice, so a gateway can drop a retried duplicate. */
  reference: string;
}

export interface Notifier {
  /** false when no SMTP server is configured: the channel is off, not failing. */
  readonly emailEnabled: boolean;
  readonly smsEnabled: boolean;
  sendEmail(message: EmailMessage): Promise<void>;
  sendSms(message: SmsMessage): Promise<void>;
}
