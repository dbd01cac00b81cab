import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataConverter, Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { untrustedPayloadMarker } from '../domain/untrustedPayload';

/**
 * Every payload the API and the worker put into Temporal — workflow inputs, updates, signals, activity
 * arguments and results, query answers — is sealed with AES-256-GCM under PAYLOAD_KEY, which only they hold
 * (docs/deployment.md, "Payload encryption"). Two things follow: a history read straight from Temporal shows
 * no names, phones or e-mails; and a message someone sends straight to Temporal, without the key, cannot
 * name an actor the workflow would believe.
 *
 * This is crypto on bytes, no I/O, but it uses Node's crypto and must never be bundled into workflow code,
 * so it sits outside domain/ and workflows/, in the one module both the API and the worker import.
 */

/** The convention of Temporal's encryption samples, so tools that know it (a codec server) recognise it. */
export const encryptedEncoding = 'binary/encrypted';
const keyIdMetadata = 'encryption-key-id';
const keyId = 'payload-key-v1';
const ivBytes = 12;
const tagBytes = 16;

/** 32 bytes, written as 64 hex digits or as base64 / base64url. */
export function parsePayloadKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('PAYLOAD_KEY must be 32 bytes, written as 64 hex digits or in base64');
  return key;
}

/**
 * A sealed payload is bound to the workflow it was made for, so a ciphertext copied out of one workflow's
 * history does not open when sent to another (a task's completion replayed against another task).
 * Activity payloads are bound to the namespace only: their context names the workflow only "when known".
 */
function associatedData(context: SerializationContext | undefined): Buffer {
  const owner = context?.type === 'workflow' ? `workflow:${context.namespace}/${context.workflowId}` : 'any';
  return Buffer.from(`livelihood-payload/${keyId}/${owner}`, 'utf8');
}

function serialise(payload: Payload): Buffer {
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  );
  return Buffer.from(
    JSON.stringify({ m: metadata, d: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }),
  );
}

function deserialise(bytes: Buffer): Payload {
  const parsed = JSON.parse(bytes.toString('utf8')) as { m: Record<string, string>; d: string };
  return {
    metadata: Object.fromEntries(
      Object.entries(parsed.m).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
    ),
    data: new Uint8Array(Buffer.from(parsed.d, 'base64')),
  };
}

/** A JSON payload the default converter reads as `{ __untrustedPayload: reason }` (domain/untrustedPayload.ts). */
function untrusted(reason: string): Payload {
  return {
    metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
    data: new Uint8Array(Buffer.from(JSON.stringify({ [untrustedPayloadMarker]: reason }))),
  };
}

function encodingOf(payload: Payload): string | undefined {
  const encoding = payload.metadata?.encoding;
  return encoding ? Buffer.from(encoding).toString('utf8') : undefined;
}

export interface PayloadCodecOptions {
  /**
   * Histories written before payloads were sealed hold plain payloads. Only a replay of such a recorded
   * history may pass them through; a live worker must not, or anyone could again send a plain message.
   */
  acceptPlainPayloads?: boolean;
}

export class AesGcmPayloadCodec implements PayloadCodec {
  readonly #key: Buffer;
  readonly #acceptPlain: boolean;

  constructor(key: Buffer, options: PayloadCodecOptions = {}) {
    if (key.length !== 32) throw new Error('the payload key must be 32 bytes');
    this.#key = key;
    this.#acceptPlain = options.acceptPlainPayloads ?? false;
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: tagBytes });
      cipher.setAAD(associatedData(context));
      const sealed = Buffer.concat([iv, cipher.update(serialise(payload)), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          encoding: new Uint8Array(Buffer.from(encryptedEncoding)),
          [keyIdMetadata]: new Uint8Array(Buffer.from(keyId)),
        },
        data: new Uint8Array(sealed),
      };
    });
  }

  /**
   * Never throws: a decoding error fails the workflow task, the message stays in the history and every retry
   * fails the same way, so one forged signal would stop the workflow for good. What cannot be opened comes
   * out as the untrusted marker instead, which the workflows' interceptor refuses.
   */
  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (encodingOf(payload) !== encryptedEncoding) {
        return this.#acceptPlain ? payload : untrusted('not sealed with the payload key');
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < ivBytes + tagBytes) return untrusted('sealed payload too short');
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, ivBytes), {
          authTagLength: tagBytes,
        });
        decipher.setAAD(associatedData(context));
        decipher.setAuthTag(data.subarray(data.length - tagBytes));
        const plain = Buffer.concat([
          decipher.update(data.subarray(ivBytes, data.length - tagBytes)),
          decipher.final(),
        ]);
        return deserialise(plain);
      } catch {
        return untrusted('does not authenticate under the payload key');
      }
    });
  }
}

/** Moves failure messages and stack traces into a payload, so the codec seals them too. */
export const failureConverterPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'failureConverter.cjs');

/** The data converter every legitimate client and worker uses: the default converters, then the codec. */
export function dataConverterFor(key: Buffer, options: PayloadCodecOptions = {}): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(key, options)], failureConverterPath };
}
