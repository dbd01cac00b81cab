import { describe, expect, it } from 'vitest';
import { dialogRefusal, refusesTheAction, splitErrors } from '../../admin-ui/src/common/fieldErrors';

/** As react-admin's fetchJson rejects: the body's message as the error's, the body itself beside it. */
function refusal(
  status: number,
  body: { message: string; errors?: Record<string, string>; code?: string; params?: Record<string, unknown> },
) {
  return Object.assign(new Error(body.message), { status, body });
}

describe('splitErrors: each sentence of a refused request under the field it concerns', () => {
  it("uses a 400 body's errors by path, keeping what names no field of the form for its top", () => {
    const error = refusal(400, {
      message: 'invalid request — title: too short; proposer.contact: required; key: missing',
      errors: { title: 'too short', 'proposer.contact': 'required', key: 'missing' },
    });
    expect(splitErrors(error, ['title', 'proposer.contact'])).toEqual({
      fields: { title: 'too short', 'proposer.contact': 'required' },
      general: 'key: missing',
    });
  });

  it("reads a workflow validator's 422 sentence, dropping the task's result prefix", () => {
    const error = refusal(422, {
      message: 'the result is not valid — result.percent: progress must be between 0 and 100; reason: say why',
    });
    expect(splitErrors(error, ['percent', 'reason', 'text'], { prefixes: ['result'] })).toEqual({
      fields: { percent: 'progress must be between 0 and 100', reason: 'say why' },
      general: null,
    });
  });

  it("reads the fields from a workflow refusal's reason when its message is in Chinese", () => {
    const reason = 'the result is not valid — result.percent: progress must be between 0 and 100; reason: say why';
    const error = refusal(422, {
      message: `办理结果不完整或有误（${reason}）`,
      code: 'taskInvalidResult',
      params: { reason },
    });
    expect(splitErrors(error, ['percent', 'reason'], { prefixes: ['result'] })).toEqual({
      fields: { percent: 'progress must be between 0 and 100', reason: 'say why' },
      general: null,
    });
  });

  it('files a list element under its list, or under its own path when asked', () => {
    const error = refusal(400, {
      message: 'invalid',
      errors: { 'photoIds.0': 'unknown photo', 'candidate.title': 'required' },
    });
    expect(splitErrors(error, ['photoIds', 'candidate']).fields).toEqual({
      photoIds: 'unknown photo',
      candidate: 'required',
    });
    expect(splitErrors(error, ['photoIds', 'candidate'], { nested: true }).fields).toEqual({
      'photoIds.0': 'unknown photo',
      'candidate.title': 'required',
    });
  });

  it('leaves a message that names no field whole, for the top of the form', () => {
    const error = refusal(409, { message: 'this task was already completed' });
    expect(splitErrors(error, ['note'])).toEqual({ fields: {}, general: 'this task was already completed' });
  });
});

describe('dialogRefusal: what an action dialog shows for a refused request', () => {
  it("puts a 400's or a 422's sentences under the fields they name", () => {
    const invalid = refusal(400, { message: 'invalid', errors: { 'body.note': 'required' } });
    expect(dialogRefusal(invalid, ['note'], { prefixes: ['body'] })).toEqual({
      fields: { note: 'required' },
      general: null,
    });
    const refused = refusal(422, { message: 'the plan is not valid — amountYuan: exceeds the allocation' });
    expect(dialogRefusal(refused, ['amountYuan', 'note'])).toEqual({
      fields: { amountYuan: 'exceeds the allocation' },
      general: null,
    });
  });

  it('keeps a 403 or 409 whole at the top, even when it reads like a field: it refuses the action, not an input', () => {
    const conflict = refusal(409, { message: 'not now — note: the project is closed' });
    expect(dialogRefusal(conflict, ['note'])).toEqual({
      fields: {},
      general: 'not now — note: the project is closed',
    });
    const forbidden = refusal(403, { message: 'only the supervision group may file findings' });
    expect(dialogRefusal(forbidden, ['text']).general).toBe('only the supervision group may file findings');
  });
});

describe('refusesTheAction: when a refused dialog closes and shows why instead of waiting for a correction', () => {
  it('closes on a refusal of the action itself (not allowed now, not yours, gone), whatever the inputs', () => {
    for (const status of [403, 404, 409]) {
      expect(refusesTheAction(status, true)).toBe(true);
      expect(refusesTheAction(status, false)).toBe(true);
    }
  });

  it('keeps a dialog with inputs open on a 400 or 422, so the sentence goes under the field and nothing typed is lost', () => {
    expect(refusesTheAction(400, true)).toBe(false);
    expect(refusesTheAction(422, true)).toBe(false);
    // A confirmation without inputs has nothing to correct.
    expect(refusesTheAction(422, false)).toBe(true);
  });

  it('keeps the dialog open when the request never got an answer, to send it again', () => {
    expect(refusesTheAction(undefined, true)).toBe(false);
    expect(refusesTheAction(undefined, false)).toBe(false);
    expect(refusesTheAction(500, false)).toBe(false);
  });
});
