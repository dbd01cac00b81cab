import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../api/errors';
import { projectFailureTypes, taskFailureTypes } from '../../../domain/contract/failures';
import { refusalFailure } from '../../../activities/refusal';

/** An app whose one route fails as the Temporal client does when a workflow's validator refuses an update. */
function refusing(failure: ApplicationFailure) {
  const app = express();
  app.post('/decide', () => {
    throw new WorkflowUpdateFailedError('Workflow Update failed', failure);
  });
  app.use(errorMiddleware);
  return app;
}

describe('workflow refusals through the error middleware', () => {
  it('sends the code a workflow attached, in Chinese when zh is preferred', async () => {
    const app = refusing(refusalFailure(projectFailureTypes.invalid, 'projectNotComplete', { percent: 0 }));
    const en = await request(app).post('/decide');
    expect(en.status).toBe(422);
    expect(en.body).toEqual({
      code: 'projectNotComplete',
      params: { percent: 0 },
      message: 'the project is reported at 0%; it can be accepted once it is reported complete',
    });
    const zh = await request(app).post('/decide').set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(zh.body.message).toBe('该项目目前报告进度为 0%，报告完工（100%）后才能竣工验收');
  });

  it('maps a failure without a code to its type’s code, keeping its sentence as the reason', async () => {
    const failure = ApplicationFailure.create({
      type: taskFailureTypes.alreadyDone,
      message: 'task "修路" is already completed',
      nonRetryable: true,
    });
    const res = await request(refusing(failure)).post('/decide').set('Accept-Language', 'zh');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'taskCompleted',
      params: { reason: 'task "修路" is already completed' },
      message: '该任务已经办结（task "修路" is already completed）',
    });
  });
});
