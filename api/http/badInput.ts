import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import { HttpError, refusal } from '../errors';

/**
 * Input no handler should ever see: an address that does not decode, text PostgreSQL cannot store
 * (U+0000) or that is not text at all (a lone UTF-16 surrogate), and a body in a format the API does
 * not speak. Each is refused with a 4xx and a message before any route runs, so nothing is written.
 */

// With the u flag a paired surrogate is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a decoded string cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}

function decodeComponent(raw: string, where: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, refusal('malformedAddress', { where, raw: raw.slice(0, 40) }));
  }
  const reason = unsafeTextReason(decoded);
  if (reason) throw new HttpError(400, refusal('unsafeText', { where, reason }));
  return decoded;
}

/** Path segments and query parameters: every one must decode to storable text. */
export const rejectUndecodableAddress: RequestHandler = (req, _res, next) => {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  for (const segment of path.split('/')) decodeComponent(segment, 'address');
  if (q !== -1) {
    for (const pair of url.slice(q + 1).split('&')) {
      for (const part of pair.split('=')) decodeComponent(part.replace(/\+/g, ' '), 'query string');
    }
  }
  next();
};

const hasBody = (req: Request) =>
  req.method !== 'GET' &&
  req.method !== 'HEAD' &&
  (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

/**
 * After the JSON parser: a body it did not take (text/plain, a form) is named as the problem rather
 * than reaching a handler as "undefined". Routes that take raw bytes (the photo upload) name their own types.
 */
export function requireJsonBody(rawBodyPaths: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const raw = rawBodyPaths.some((p) => req.path === p || req.path.startsWith(`${p}/`));
    if (!raw && hasBody(req) && !req.is(['application/json', '+json'])) {
      const sent = req.get('content-type') ?? 'no Content-Type';
      throw new HttpError(415, refusal('notJson', { sent }));
    }
    next();
  };
}

/** Every string and key of a JSON body must be storable text; the first that is not is named by its path. */
export const rejectUnsafeJsonText: RequestHandler = (req, _res, next) => {
  const problem = findUnsafeText(req.body as unknown, []);
  if (problem)
    throw new HttpError(400, refusal('invalidInput', { detail: `${problem.path || 'the body'}: ${problem.reason}` }));
  next();
};

/** The first string or key in a decoded JSON value that cannot be stored, with its path. */
export function findUnsafeText(value: unknown, path: string[] = []): { path: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join('.'), reason } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { path: [...path, '(a key)'].join('.'), reason: keyReason };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The http-errors that Express, its router and body-parser raise for a request they refuse (an
 * unsupported charset or Content-Encoding, a corrupt gzip body, an undecodable parameter): their
 * status is the client's, with a message that says what to change. undefined for anything else.
 */
export function clientErrorOf(err: unknown): { status: number; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = 'status' in err && typeof err.status === 'number' ? err.status : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  const type = 'type' in err && typeof err.type === 'string' ? err.type : '';
  switch (type) {
    case 'charset.unsupported':
      return { status, message: 'send the request body as UTF-8 JSON (Content-Type: application/json; charset=utf-8)' };
    case 'encoding.unsupported':
      return {
        status,
        message: 'the Content-Encoding is not accepted: send the body as identity, gzip, deflate or br',
      };
    case 'request.aborted':
      return { status, message: 'the request body ended before it was complete' };
    case 'request.size.invalid':
      return { status, message: 'the request body is not as long as its Content-Length says' };
    case 'parameters.too.many':
      return { status, message: 'the request has too many parameters' };
  }
  if (err instanceof URIError) return { status: 400, message: 'the address has a malformed percent-encoding' };
  if ('code' in err && typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return { status: 400, message: 'the compressed request body is corrupt: it does not match its Content-Encoding' };
  }
  return { status, message: `the request was refused (${status})` };
}

/** Express runs these before the routes, in this order, on /api. */
export function badInputGuards(jsonParser: RequestHandler, rawBodyPaths: readonly string[]): RequestHandler[] {
  return [rejectUndecodableAddress, jsonParser, requireJsonBody(rawBodyPaths), rejectUnsafeJsonText];
}

/**
 * Node answers a request it cannot parse (oversized headers, an unknown method) itself, with an
 * empty body; people and clients get the same JSON `message` as from every other refusal.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || ('_httpMessage' in socket && socket._httpMessage)) {
      socket.destroy();
      return;
    }
    const [status, reason, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'the request took too long to arrive']
          : [400, 'Bad Request', 'the request is not valid HTTP'];
    const body = JSON.stringify({ message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
