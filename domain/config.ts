import { z } from 'zod';

/**
 * Every environment variable the worker and the API read, in one place, so the docker-compose
 * test can check the production stack sets what the code needs. Values are passed in (no I/O here).
 */
export const runtimeConfigSchema = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('livelihood'),
  /** Where people open the Temporal web UI; the admin UI links workflows there. Empty: no UI, no links. */
  TEMPORAL_UI_URL: z.union([z.literal(''), z.string().url()]).default('http://127.0.0.1:8233'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address the API listens on: loopback unless set (a container sets 0.0.0.0 behind its port mapping). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For it believes (compose: 1, its nginx). 0 (npm start,
   * reached directly): the header is ignored, so nobody escapes a per-address limit by writing one.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** Signs session tokens; at least 32 characters. */
  AUTH_SECRET: z.string().min(32, { message: 'AUTH_SECRET must be at least 32 characters' }),
  /**
   * Seals every Temporal payload (AES-256-GCM): 32 bytes as 64 hex digits or base64. Only the API and the
   * worker hold it; without it a history is unreadable and a message sent straight to Temporal is refused.
   */
  PAYLOAD_KEY: z.string().regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'PAYLOAD_KEY must be 32 bytes: 64 hex digits or 43 base64 characters (openssl rand -hex 32)',
  }),
  /** smtp://user:pass@host:port; unset: e-mail channel off, the in-app notice still goes out. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('人大常委会办公室 <noreply@localhost>'),
  /** An SMS gateway that takes a JSON POST; unset: SMS channel off. */
  SMS_WEBHOOK_URL: z.string().url().optional(),
  /** The built admin UI the API serves. */
  ADMIN_UI_DIST: z.string().optional(),
  /** pino's level for the JSON logs of the API and the worker. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * API processes on this machine, sharing its port (node:cluster): one per core for a congress sitting, where
   * hundreds of deputies cast at once and one process is CPU-bound. The per-address limits are counted in
   * PostgreSQL, so they hold across processes and replicas alike.
   */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Prometheus metrics of the API (its own listener, never the public port); 0 turns it off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Prometheus metrics of the worker (the Temporal SDK's runtime metrics); 0 turns it off. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  /**
   * Workflows a worker keeps in memory between their tasks (the SDK's sticky cache); unset, 4 MB of the heap a
   * workflow (worker/createWorker.ts, `defaultMaxCachedWorkflows`: ≈ 900 at Node's default 4 GiB heap).
   * 0 replays every task from its history: slower, but a worker that dies leaves nothing on a sticky queue,
   * which the time-skipping test server never moves (the fault tests' killed worker).
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  /** Where the metrics listeners bind: loopback unless a scraper elsewhere needs them (compose). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export const runtimeConfigKeys = Object.keys(runtimeConfigSchema.shape) as (keyof RuntimeConfig)[];

export function parseRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration: ${problems}`);
  }
  return result.data;
}
