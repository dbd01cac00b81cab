import { describe, expect, it } from 'vitest';
import { checkTaskResult } from '../../domain/taskKinds';

describe('replies carry photos', () => {
  it('takes photos with the answer to a finding and with the reply to an instruction', () => {
    expect(checkTaskResult('findingResponse', { response: '已补设围挡', photoIds: ['photo-1', 'photo-2'] })).toEqual({
      ok: true,
      result: { response: '已补设围挡', photoIds: ['photo-1', 'photo-2'] },
    });
    expect(checkTaskResult('instruction', { note: '已完成排查', photoIds: ['photo-3'] })).toEqual({
      ok: true,
      result: { note: '已完成排查', photoIds: ['photo-3'] },
    });
  });

  it('still takes a reply without photos, as before', () => {
    expect(checkTaskResult('findingResponse', { response: '已整改' })).toEqual({
      ok: true,
      result: { response: '已整改', photoIds: [] },
    });
  });

  it('refuses more than 20 photos, naming the field', () => {
    const many = Array.from({ length: 21 }, (_, i) => `photo-${i}`);
    const check = checkTaskResult('findingResponse', { response: '已整改', photoIds: many });
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(/photoIds/);
  });
});
