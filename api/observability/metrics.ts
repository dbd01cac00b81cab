import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Request rate, latency and errors by route, for Prometheus. The route label is the declared path
 * (`/api/projects/:id`), so ids never become label values. Casting a ballot or a rating sheet is not
 * counted at all: a live count is exactly what lets whoever closes a session pick the moment
 * (docs/secrecy.md).
 */
export interface ApiMetrics {
  registry: Registry;
  middleware: (req: Request, res: Response, next: NextFunction) => void;
}

const SECRET_SHEETS = /^\/api\/(vote|rating)-sessions\/[^/]+\/(ballots|ratings)$/;

export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'livelihood_api_' });
  const requests = new Counter({
    name: 'livelihood_api_requests_total',
    help: 'HTTP requests answered, by method, declared route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'livelihood_api_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and declared route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (SECRET_SHEETS.test(req.originalUrl.split('?')[0] ?? '')) {
      next();
      return;
    }
    const end = duration.startTimer();
    res.once('finish', () => {
      // req.route is the matched declaration; unmatched requests (404s, static files) share one label.
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const labels = { method: req.method, route };
      end(labels);
      requests.inc({ ...labels, status: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };
  return { registry, middleware };
}
