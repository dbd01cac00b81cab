import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../activities/channels';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink';

interface GatewayRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

type GatewayHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface SmsGateway {
  server: Server;
  url: string;
  requests: GatewayRequest[];
  /** Replaces how the gateway answers the next requests. */
  answer(handler: GatewayHandler): void;
}

async function startGateway(): Promise<SmsGateway> {
  const requests: GatewayRequest[] = [];
  let handler: GatewayHandler = (_, response) => response.writeHead(202).end();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/sms`, requests, answer: (h) => (handler = h) };
}

const MAIL_FROM = '人大常委会办公室 <noreply@localhost>';

describe('e-mail channel', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.stop());

  it('delivers a notice with a Chinese subject and body to the recipient', async () => {
    const smtpUrl = sink.url.replace('smtp://', 'smtp://notices:s3cret%40x@');
    const notifier = createNotifier({ smtpUrl, mailFrom: MAIL_FROM });
    try {
      await notifier.sendEmail({
        to: 'daibiao@example.org',
        subject: '关于2025年民生实事项目票决结果的通知',
        text: '张代表：您好！\n“老旧小区改造”已获票决通过，请于三个工作日内反馈意见。',
      });
    } finally {
      await notifier.close();
    }

    expect(notifier.emailEnabled).toBe(true);
    expect(sink.logins).toEqual([{ username: 'notices', password: 's3cret@x' }]);
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail?.rcptTo).toEqual(['daibiao@example.org']);
    expect(mail?.headers.get('to')).toBe('daibiao@example.org');
    expect(mail?.headers.get('from')).toBe(MAIL_FROM);
    expect(mail?.headers.get('subject')).toBe('关于2025年民生实事项目票决结果的通知');
    expect(mail?.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(mail?.text).toBe('张代表：您好！\n“老旧小区改造”已获票决通过，请于三个工作日内反馈意见。');
  });

  it('rejects once the SMTP server has stopped, so the activity is retried', async () => {
    const doomed = await startSmtpSink();
    const notifier = createNotifier({ smtpUrl: doomed.url, mailFrom: MAIL_FROM, timeoutMs: 1_000 });
    try {
      await notifier.sendEmail({ to: 'a@example.org', subject: '第一封', text: '送达' });
      await doomed.stop();

      await expect(notifier.sendEmail({ to: 'a@example.org', subject: '第二封', text: '不会送达' })).rejects.toThrow();
      expect(doomed.received.map((m) => m.headers.get('subject'))).toEqual(['第一封']);
    } finally {
      await notifier.close();
    }
  });

  it('is off without an SMTP URL and refuses to send', async () => {
    const notifier = createNotifier({ mailFrom: MAIL_FROM });

    expect(notifier.emailEnabled).toBe(false);
    await expect(notifier.sendEmail({ to: 'a@example.org', subject: 's', text: 't' })).rejects.toThrow(
      /not configured/,
    );
    await notifier.close();
  });
});

describe('SMS channel', () => {
  let gateway: SmsGateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterEach(() => {
    gateway.requests.length = 0;
    gateway.answer((_, response) => response.writeHead(202).end());
  });
  afterAll(async () => {
    gateway.server.closeAllConnections();
    await new Promise((resolve) => gateway.server.close(resolve));
  });

  const sms = {
    phone: '13800138000',
    text: '【人大】您有一件民生实事项目待反馈，请登录系统查看。',
    reference: 'notice-42',
  };

  it('posts the phone, text and reference as JSON with the reference as idempotency key', async () => {
    const notifier = createNotifier({ mailFrom: MAIL_FROM, smsWebhookUrl: gateway.url });

    await notifier.sendSms(sms);

    expect(notifier.smsEnabled).toBe(true);
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request?.headers['idempotency-key']).toBe('notice-42');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request?.body ?? '')).toEqual(sms);
  });

  it('rejects with the status and the start of the body when the gateway answers 500', async () => {
    gateway.answer((_, response) => response.writeHead(500).end('短信网关内部错误'));
    const notifier = createNotifier({ mailFrom: MAIL_FROM, smsWebhookUrl: gateway.url });

    await expect(notifier.sendSms(sms)).rejects.toThrow(/500.*短信网关内部错误/);
  });

  it('gives up on a gateway that never answers once the timeout passes', async () => {
    gateway.answer(() => undefined);
    const notifier = createNotifier({ mailFrom: MAIL_FROM, smsWebhookUrl: gateway.url, timeoutMs: 300 });
    const started = Date.now();

    await expect(notifier.sendSms(sms)).rejects.toThrow(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('is off without a webhook URL and refuses to send', async () => {
    const notifier = createNotifier({ mailFrom: MAIL_FROM });

    expect(notifier.smsEnabled).toBe(false);
    await expect(notifier.sendSms(sms)).rejects.toThrow(/not configured/);
    expect(gateway.requests).toHaveLength(0);
  });
});
