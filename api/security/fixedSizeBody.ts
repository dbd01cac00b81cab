import type { Request } from 'express';
import { HttpError, refusal } from '../errors';

/**
 * A ballot or a rating sheet is taken in one spelling only: the bytes `JSON.stringify` writes for its one
 * field, uncompressed, with a Content-Length (docs/secrecy.md, "The design"). The encoding inside is already of
 * one length per session; this keeps the request around it so too. A body padded with spaces, written with
 * escapes, or compressed (gzip makes `a0a0a0` shorter than `a1d2s3`) would let its size on the wire say
 * something about the choices, so it is refused before anything is written, with what to send instead.
 */
export function assertFixedSizeBody(req: Request, body: Record<string, string>): void {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new HttpError(415, refusal('secretBodyCompressed', { encoding }));
  }
  const expected = JSON.stringify(body);
  const declared = req.headers['content-length'];
  if (declared === undefined || Number(declared) !== Buffer.byteLength(expected)) {
    throw new HttpError(
      400,
      refusal('secretBodyNotCanonical', { expected: String(Buffer.byteLength(expected)), got: declared ?? 'none' }),
    );
  }
}
