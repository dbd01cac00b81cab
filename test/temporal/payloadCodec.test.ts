import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type SerializationContext } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { isUntrustedPayload } from '../../domain/untrustedPayload';
import { AesGcmPayloadCodec, encryptedEncoding, parsePayloadKey } from '../../temporal/payloadCodec';

const key = randomBytes(32);
const codec = new AesGcmPayloadCodec(key);
const task: SerializationContext = { type: 'workflow', namespace: 'default', workflowId: 'task-1' };
const otherTask: SerializationContext = { type: 'workflow', namespace: 'default', workflowId: 'task-2' };
const input = { actor: { userId: 'official' }, proposerPhone: '13912345678' };

const toPayload = (value: unknown) => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Parameters<typeof defaultPayloadConverter.fromPayload>[0]) =>
  defaultPayloadConverter.fromPayload(payload);

describe('AesGcmPayloadCodec', () => {
  it('seals a payload so that its bytes show nothing, and opens it again for the same workflow', async () => {
    const [sealed] = await codec.encode([toPayload(input)], task);
    expect(Buffer.from(sealed!.metadata!.encoding!).toString()).toBe(encryptedEncoding);
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('13912345678');
    const [opened] = await codec.decode([sealed!], task);
    expect(fromPayload(opened!)).toEqual(input);
  });

  it('turns a plain, tampered, foreign-key or other-workflow payload into the untrusted marker instead of throwing', async () => {
    const [sealed] = await codec.encode([toPayload(input)], task);
    const tampered = { ...sealed!, data: Uint8Array.from(sealed!.data!, (b, i) => (i === 20 ? b ^ 1 : b)) };
    const [foreign] = await new AesGcmPayloadCodec(randomBytes(32)).encode([toPayload(input)], task);
    const cases = [
      await codec.decode([toPayload(input)], task),
      await codec.decode([tampered], task),
      await codec.decode([foreign!], task),
      // A completion copied from one task's history and sent to another.
      await codec.decode([sealed!], otherTask),
    ];
    for (const [decoded] of cases) expect(isUntrustedPayload(fromPayload(decoded!))).toBe(true);
  });

  it('passes plain payloads through only when told to, for replaying histories recorded before sealing', async () => {
    const replaying = new AesGcmPayloadCodec(key, { acceptPlainPayloads: true });
    const [plain] = await replaying.decode([toPayload(input)], task);
    expect(fromPayload(plain!)).toEqual(input);
    const [sealed] = await codec.encode([toPayload(input)], task);
    expect(fromPayload((await replaying.decode([sealed!], task))[0]!)).toEqual(input);
  });

  it('reads PAYLOAD_KEY as hex or base64 and refuses any other length', () => {
    expect(parsePayloadKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(parsePayloadKey(Buffer.alloc(32, 7).toString('base64'))).toEqual(Buffer.alloc(32, 7));
    expect(() => parsePayloadKey('ab'.repeat(16))).toThrow(/32 bytes/);
  });
});
