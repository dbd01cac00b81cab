import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createApp } from '../../api/app';
import { createTokenSigner } from '../../api/auth/tokens';
import { createDb } from '../../db/connection';
import { hashPassword } from '../../db/passwords';
import type { Database } from '../../db/schema';
import { createWorker } from '../../worker/createWorker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually, seedPeople } from '../support/fixtures';
import { testDataConverter, testPayloadKey } from '../support/payloadKey';
import { serviceRoleUrls } from '../support/serviceRoles';

// API (as its own service role, with only its grants) → Temporal dev server → worker → PostgreSQL, all real.
const PASSWORD = 'correct horse battery';
const taskQueue = `documents-test-${process.pid}`;
const OTHER_COUNTY = 'other-county';

let testDb: TestDatabase;
let apiDb: Kysely<Database>;
let app: Express;
let worker: Worker;
let workerRun: Promise<void>;
let nativeConnection: NativeConnection;
let connection: Connection;
const notifier = createNotifier({ mailFrom: 'office@test.local' });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  await testDb.db
    .insertInto('jurisdictions')
    .values({ id: OTHER_COUNTY, name: '邻县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await testDb.db
    .insertInto('users')
    .values({
      id: 'stranger',
      username: 'stranger',
      display_name: '孙主任',
      password_hash: hash,
      roles: ['coordinator'],
      jurisdiction_id: OTHER_COUNTY,
      department_id: null,
      email: null,
      phone: null,
    })
    .execute();
  const urls = await serviceRoleUrls(inject('pgServerUrl'), testDb);
  apiDb = createDb(urls.api, 3);
  const address = inject('temporalAddress');
  [nativeConnection, connection] = await Promise.all([
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
  ]);
  worker = await createWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ db: testDb.db, notifier }),
    payloadKey: testPayloadKey,
  });
  workerRun = worker.run();
  app = createApp({
    db: apiDb,
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    tokens: createTokenSigner('d'.repeat(40)),
    taskQueue,
    temporalUiUrl: 'http://127.0.0.1:8233',
  });
  for (const username of ['coordinator', 'official', 'stranger']) {
    const res = await request(app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    tokens[username] = res.body.token as string;
  }
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await Promise.all([nativeConnection?.close(), connection?.close(), notifier.close(), apiDb?.destroy()]);
  await testDb?.drop();
});

const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
const upload = (username: string, type: string, body: Buffer, name = '整改方案.pdf') =>
  request(app)
    .post(`/api/documents?name=${encodeURIComponent(name)}`)
    .set(as(username))
    .set('Content-Type', type)
    .send(body);
const documentCount = async () => (await testDb.db.selectFrom('documents').select('id').execute()).length;

function pdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Rectification plan for county road X012');
    doc.end();
  });
}

describe('documents on replies', () => {
  let pdfBytes: Buffer;
  let documentId: string;

  it('stores an uploaded PDF and attaches it to the reply to an instruction', async () => {
    pdfBytes = await pdf();
    const uploaded = await upload('official', 'application/pdf', pdfBytes).expect(201);
    expect(uploaded.body).toMatchObject({
      fileName: '整改方案.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    });
    documentId = uploaded.body.id as string;
    // The same file again by the same person is the same document.
    expect((await upload('official', 'application/pdf', pdfBytes).expect(201)).body.id).toBe(documentId);
    expect(await documentCount()).toBe(1);

    const created = await request(app)
      .post('/api/tasks')
      .set(as('coordinator'))
      .send({
        key: 'documents-1',
        kind: 'instruction',
        title: '核查县道X012路面坑洼',
        assignee: { kind: 'department', departmentId: 'dept-roads' },
        due: { kind: 'workingDays', days: 3 },
        instructions: '请报送整改方案',
      });
    expect([201, 202]).toContain(created.status);
    const taskId = created.body.id as string;
    await eventually(
      () => testDb.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst(),
      'the task row',
    );

    // A document that is not the jurisdiction's is refused before the workflow hears of it.
    const foreign = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: { note: '方案见附件', documentIds: ['document-nonexistent'] } })
      .expect(422);
    expect(foreign.body.message).toBe('documentIds: no uploaded document "document-nonexistent"');
    const tooMany = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: { note: '方案见附件', documentIds: Array.from({ length: 11 }, () => documentId) } })
      .expect(422);
    expect(tooMany.body.message).toMatch(/at most 10 documents/);

    const done = await request(app)
      .post(`/api/tasks/${taskId}/complete`)
      .set(as('official'))
      .send({ result: { note: '方案见附件', documentIds: [documentId] } })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'done',
      result: { note: '方案见附件', photoIds: [], documentIds: [documentId] },
    });
  });

  it('downloads the document byte for byte, under its name, only within the jurisdiction', async () => {
    const read = await request(app)
      .get(`/api/documents/${documentId}`)
      .set(as('coordinator'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('整改方案.pdf')}`,
    );
    expect(Buffer.compare(read.body as Buffer, pdfBytes)).toBe(0);

    const info = await request(app).get(`/api/documents/${documentId}/info`).set(as('official')).expect(200);
    expect(info.body).toEqual({
      id: documentId,
      fileName: '整改方案.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    });

    const foreign = await request(app).get(`/api/documents/${documentId}`).set(as('stranger')).expect(404);
    expect(foreign.body.message).toBe(`document "${documentId}" was not found`);
    await request(app).get(`/api/documents/${documentId}/info`).set(as('stranger')).expect(404);
    await request(app).get(`/api/documents/${documentId}`).expect(401);
  });

  it('refuses an executable renamed .pdf, other types, an empty file and more than 10 MB, storing nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256, 0x41)]);
    const renamed = await upload('official', 'application/pdf', exe, 'setup.pdf').expect(415);
    expect(renamed.body.message).toBe('the upload is not the application/pdf file its Content-Type says');
    const asText = await upload('official', 'text/plain', exe, 'setup.txt').expect(415);
    expect(asText.body.message).toBe('the upload is not the text/plain file its Content-Type says');
    const declaredExe = await upload('official', 'application/x-msdownload', exe, 'setup.exe').expect(415);
    expect(declaredExe.body.message).toBe('upload the document as a PDF, Word, Excel or plain text file');
    const empty = await upload('official', 'application/pdf', Buffer.alloc(0)).expect(400);
    expect(empty.body.message).toBe('the upload is empty');
    const huge = Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload('official', 'application/pdf', huge).expect(413);
    expect(tooLarge.body.message).toBe('the request body is larger than the limit of 10 MB');
    expect(await documentCount()).toBe(1);

    // Plain text in Chinese is a document.
    const note = await upload('official', 'text/plain; charset=utf-8', Buffer.from('整改情况说明\n'), '说明.txt');
    expect(note.status).toBe(201);
  });
});
