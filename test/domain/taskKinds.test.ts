import { describe, expect, it } from 'vitest';
import { checkTaskResult } from '../../domain/taskKinds';

describe('replies carry photos', () => {
  it('takes photos with the answer to a finding and with the reply to an instruction', () => {
    expect(checkTaskResult('findingResponse', { response: '已补设围挡', photoIds: ['photo-1', 'photo-2'] })).toEqual({
      ok: true,
      result: { response: '已补设围挡', photoIds: ['photo-1', 'photo-2'], documentIds: [] },
    });
    expect(checkTaskResult('instruction', { note: '已完成排查', photoIds: ['photo-3'] })).toEqual({
      ok: true,
      result: { note: '已完成排查', photoIds: ['photo-3'], documentIds: [] },
    });
  });

  it('still takes a reply without photos, as before', () => {
    expect(checkTaskResult('findingResponse', { response: '已整改' })).toEqual({
      ok: true,
      result: { response: '已整改', photoIds: [], documentIds: [] },
    });
  });

  it('takes documents with the answer to a finding, a progress report and the reply to an instruction', () => {
    expect(checkTaskResult('findingResponse', { response: '已整改', documentIds: ['document-1'] })).toEqual({
      ok: true,
      result: { response: '已整改', photoIds: [], documentIds: ['document-1'] },
    });
    expect(checkTaskResult('instruction', { note: '方案见附件', documentIds: ['document-2'] })).toMatchObject({
      ok: true,
      result: { documentIds: ['document-2'] },
    });
    const many = Array.from({ length: 11 }, (_, i) => `document-${i}`);
    const check = checkTaskResult('progressReport', {
      percent: 10,
      stage: 'construction',
      text: '开工',
      documentIds: many,
    });
    expect(check.ok ? '' : check.message).toMatch(/documentIds: at most 10 documents/);
  });

  it('refuses more than 20 photos, naming the field', () => {
    const many = Array.from({ length: 21 }, (_, i) => `photo-${i}`);
    const check = checkTaskResult('findingResponse', { response: '已整改', photoIds: many });
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(/photoIds/);
  });
});
