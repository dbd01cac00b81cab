import { randomInt } from 'node:crypto';
import { receiptCodeAlphabet, receiptCodeLength } from '../../domain/contract/publicity';

/** A new receipt code from the operating system's CSPRNG: 60 bits, so codes cannot be guessed or walked. */
export const newPublicReceiptCode = (): string =>
  Array.from({ length: receiptCodeLength }, () => receiptCodeAlphabet[randomInt(receiptCodeAlphabet.length)]).join('');
