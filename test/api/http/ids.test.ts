import { describe, expect, it } from 'vitest';
import { strictPositiveId } from '../../../api/http/ids';

describe('a numeric id in an address', () => {
  it('is read only in its one spelling', () => {
    expect(strictPositiveId('1')).toBe(1);
    expect(strictPositiveId('1234567')).toBe(1234567);
    for (const odd of ['0x1', '1e0', '+1', ' 1', '1 ', '01', '0', '-1', '1.0', '', '99999999999999999']) {
      expect(strictPositiveId(odd), odd).toBeUndefined();
    }
  });
});
