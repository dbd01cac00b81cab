import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/toolPaths';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

// An operator's first clone usually lands in root's home (mode 700), where the 'postgres' user that
// embedded PostgreSQL drops to cannot reach node_modules or .data. The checkout here sits inside a
// mode-700 folder; node_modules is hard-linked (same files, no download) so only the path differs.
describe.runIf(isRoot)('a checkout inside a folder only root may enter', () => {
  const privateDir = path.join(projectRoot, '.data', `private-${process.pid}`);
  const checkout = path.join(privateDir, 'checkout');

  beforeAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await mkdir(path.join(checkout, 'scripts'), { recursive: true });
    await mkdir(path.join(checkout, 'db'), { recursive: true });
    await chmod(privateDir, 0o700);
    for (const file of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'scripts/run.sh',
      'db/embeddedPostgres.ts',
    ]) {
      await copyFile(path.join(projectRoot, file), path.join(checkout, file));
    }
    await run('cp', ['-al', path.join(projectRoot, 'node_modules'), path.join(checkout, 'node_modules')]);
  }, 120_000);

  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
  });

  it('runs embedded PostgreSQL after run.sh lets the postgres user pass, and only pass', async () => {
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    await run('bash', ['scripts/run.sh', 'prepare'], { cwd: checkout });

    const { stdout: acl } = await run('getfacl', ['-p', privateDir]);
    expect(acl).toContain('user:postgres:--x');
    // Everyone else still has no way in (with an ACL the group bits show the ACL's mask).
    expect((await stat(privateDir)).mode & 0o007).toBe(0);
    expect(acl).toContain('other::---');

    const script = `
      import { startEmbeddedPostgres } from './db/embeddedPostgres.ts';
      import pg from 'pg';
      const server = await startEmbeddedPostgres({ dataDir: '.data/pg', port: ${55900 + (process.pid % 90)}, database: 'probe', persistent: false });
      const client = new pg.Client(server.url);
      await client.connect();
      const { rows } = await client.query('select current_database() as db');
      await client.end();
      await server.stop();
      console.log('database:' + rows[0].db);
    `;
    const { stdout } = await run('node', ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: checkout,
      timeout: 120_000,
    });
    expect(stdout).toContain('database:probe');
  }, 180_000);
});
