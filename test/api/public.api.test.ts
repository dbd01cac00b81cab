import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { testDataConverter } from '../support/payloadKey';

// API → PostgreSQL, real: what anyone may read without a login.
const IMPLEMENTING = `batch-${jurisdictionId}-2026`;
const COLLECTING = `batch-${jurisdictionId}-2027`;
const CLOSED = `batch-${jurisdictionId}-2025`;

let testDb: TestDatabase;
let app: Express;
let connection: Connection;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  await seedPeople(db);
  await insertVotedProject(db, {
    key: 'road',
    batchId: IMPLEMENTING,
    year: 2026,
    deadline: '2026-11-30',
    title: '县道X012线路面改造',
  });
  await insertVotedProject(db, {
    key: 'lamp',
    batchId: IMPLEMENTING,
    year: 2026,
    deadline: '2026-10-31',
    title: '城关镇路灯改造',
  });
  await db
    .updateTable('projects')
    .set({ progress_percent: 45, stage: 'construction', warning: 'yellow', last_reported_at: '2026-09-01T02:00:00Z' })
    .where('id', '=', 'project-road')
    .execute();
  await db
    .insertInto('batches')
    .values([
      {
        id: COLLECTING,
        jurisdiction_id: jurisdictionId,
        year: 2027,
        title: '测试县2027年民生实事项目',
        phase: 'collection',
        next_deadline_at: '2027-01-20T16:00:00Z',
        next_deadline_label: '征集截止',
      },
      { id: CLOSED, jurisdiction_id: jurisdictionId, year: 2025, title: '测试县2025年民生实事项目', phase: 'closed' },
    ])
    .execute();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  app = createApp({
    db,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('x'.repeat(40)),
    taskQueue: 'unused',
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
});

afterAll(async () => {
  await connection?.close();
  await testDb?.drop();
});

describe('the public batch index', () => {
  it('lists every batch under way, newest year first, without a login', async () => {
    const res = await request(app).get('/api/public/batches').expect(200);
    expect(res.body).toEqual([
      {
        id: COLLECTING,
        jurisdictionName: '测试县',
        title: '测试县2027年民生实事项目',
        year: 2027,
        phase: 'collection',
        nextDeadline: { at: '2027-01-20T16:00:00.000Z', label: '征集截止' },
      },
      {
        id: IMPLEMENTING,
        jurisdictionName: '测试县',
        title: '2026年',
        year: 2026,
        phase: 'implementation',
        nextDeadline: null,
      },
    ]);
  });
});

describe('reporting to the people (向人民报告)', () => {
  it('shows each voted project’s progress with public facts only', async () => {
    const res = await request(app).get(`/api/public/batches/${IMPLEMENTING}/projects`).expect(200);
    expect(res.body).toEqual([
      {
        id: 'project-lamp',
        title: '城关镇路灯改造',
        departmentName: '县交通运输局',
        implementingUnit: '县公路养护中心',
        budgetYuan: 1_000_000,
        deadline: '2026-10-31',
        phase: 'implementation',
        progressPercent: null,
        stage: 'preparation',
        warning: 'none',
        lastReportedAt: null,
        terminated: false,
        changes: [],
        ratingOutcome: null,
      },
      {
        id: 'project-road',
        title: '县道X012线路面改造',
        departmentName: '县交通运输局',
        implementingUnit: '县公路养护中心',
        budgetYuan: 1_000_000,
        deadline: '2026-11-30',
        phase: 'implementation',
        progressPercent: 45,
        stage: 'construction',
        warning: 'yellow',
        lastReportedAt: '2026-09-01T02:00:00.000Z',
        terminated: false,
        changes: [],
        ratingOutcome: null,
      },
    ]);
    // No responsible leader, no person's id or contact, no funds.
    expect(JSON.stringify(res.body)).not.toMatch(/leader|user|contact|allocation/);
  });

  it('answers a batch before implementation with a 409 that says when, and an unknown batch with a 404', async () => {
    const early = await request(app).get(`/api/public/batches/${COLLECTING}/projects`).expect(409);
    expect(early.body.message).toMatch(/implementation/);
    await request(app).get('/api/public/batches/batch-nowhere-2026/projects').expect(404);
  });
});
