import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { combine, split } from 'shamir-secret-sharing';
import { fieldError } from '../errors';

/**
 * The sealed ballot box (docs/secrecy.md). A session's ballots are sealed at cast time to a key pair made
 * when it opens: X25519 with an ephemeral key per ballot, HKDF-SHA256, AES-256-GCM bound to the session.
 * The private key is split among the scrutineers (Shamir, a majority to open) and handed back once; only
 * the public key is stored, so no one holding the database, its dumps, its WAL or a workflow history can
 * read a sealed ballot, and linking a receipt to its sealed row reveals nothing.
 */

export interface BallotKey {
  /** Raw X25519 public key, base64url; stored with the session and passed through the workflow. */
  publicKey: string;
  /** Distinct shares needed to open the box. */
  threshold: number;
  /** One per scrutineer, in the order their names were given. Never stored or logged. */
  shares: string[];
}

const info = (sessionId: string) => Buffer.from(`livelihood sealed ballot v1\0${sessionId}`);
const pkcs8X25519Prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ephemeralBytes = 32;
const nonceBytes = 12;
const tagBytes = 16;

/** A majority of the scrutineers opens the box; fewer cannot, and no one alone can. */
export function shareThreshold(scrutineers: number): number {
  return Math.floor(scrutineers / 2) + 1;
}

export async function createBallotKey(scrutineers: number): Promise<BallotKey> {
  if (scrutineers < 2) throw fieldError(422, 'scrutineers', 'tooFewScrutineers');
  if (scrutineers > 255) throw fieldError(422, 'scrutineers', 'tooManyScrutineers');
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const raw = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const threshold = shareThreshold(scrutineers);
  const shares = await split(new Uint8Array(raw), scrutineers, threshold);
  raw.fill(0);
  return {
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    threshold,
    shares: shares.map((s) => Buffer.from(s).toString('hex')),
  };
}

const publicKeyObject = (x: string) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });

function boxKey(shared: Buffer, ephemeral: Buffer, recipient: string, sessionId: string): Buffer {
  const salt = Buffer.concat([ephemeral, Buffer.from(recipient, 'base64url')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, info(sessionId), 32));
}

/** Seals a ballot's fixed-length encoding: the result is ephemeral key ‖ nonce ‖ ciphertext ‖ tag. */
export function sealBallot(publicKey: string, sessionId: string, plaintext: string): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(publicKey) });
  const key = boxKey(shared, ephemeralRaw, publicKey, sessionId);
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(sessionId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([ephemeralRaw, nonce, body, cipher.getAuthTag()]);
}

/** Opens one sealed ballot; throws if it was not sealed to this key for this session, or was altered. */
export function openSealedBallot(privateKey: KeyObject, publicKey: string, sessionId: string, sealed: Buffer): string {
  const ephemeralRaw = sealed.subarray(0, ephemeralBytes);
  const nonce = sealed.subarray(ephemeralBytes, ephemeralBytes + nonceBytes);
  const body = sealed.subarray(ephemeralBytes + nonceBytes, sealed.length - tagBytes);
  const tag = sealed.subarray(sealed.length - tagBytes);
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(ephemeralRaw.toString('base64url')) });
  const decipher = createDecipheriv('aes-256-gcm', boxKey(shared, ephemeralRaw, publicKey, sessionId), nonce);
  decipher.setAAD(Buffer.from(sessionId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** The bytes of one share as a scrutineer types it: hex, spaces and dashes ignored. */
function parseShare(share: string, index: number): Uint8Array {
  const hex = share.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length !== 66)
    throw fieldError(422, `shares.${index}`, 'shareMalformed', { index });
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/**
 * Rebuilds the session's private key from the scrutineers' shares, in memory only, and checks it against
 * the stored public key. Too few distinct shares, or any wrong one, is refused with the same clear 422.
 */
export async function reconstructBallotKey(shares: readonly string[], publicKey: string, threshold: number) {
  const distinct = [...new Map(shares.map((s, i) => [Buffer.from(parseShare(s, i)).toString('hex'), i])).keys()];
  if (distinct.length < threshold)
    throw fieldError(422, 'shares', 'tooFewShares', { threshold, given: distinct.length });
  const wrong = () => fieldError(422, 'shares', 'sharesWrong');
  let raw: Buffer;
  try {
    raw = Buffer.from(await combine(distinct.map((h) => new Uint8Array(Buffer.from(h, 'hex')))));
  } catch {
    throw wrong();
  }
  if (raw.length !== 32) throw wrong();
  const privateKey = createPrivateKey({ key: Buffer.concat([pkcs8X25519Prefix, raw]), format: 'der', type: 'pkcs8' });
  raw.fill(0);
  if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== publicKey) throw wrong();
  return privateKey;
}
