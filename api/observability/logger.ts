import pino, { type Logger } from 'pino';

/**
 * One JSON line per event. Nothing that could tie a deputy to a choice or open an account is ever
 * written: request bodies are not logged at all (a ballot, a rating sheet, a password), and the
 * headers that carry credentials are censored.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
