import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/assignee';
import { addDays, chinaDay } from '../../domain/workingDays';
import { fileFindingUpdate, joinSupervisionGroupUpdate } from '../../workflows/votedProject.messages';
import { eventually, jurisdictionId } from '../support/fixtures';
import { actorFor, DAY, startProject, useProjectWorld } from '../support/projectDriver';

// Its own time-skipping server: the clock of one scenario never leaks into another file's.
const ctx = useProjectWorld();

const actor = (id: string) => actorFor(ctx.testDb.db, id);

describe('a voted project’s supervision group (docs/domain.md, "Supervision")', () => {
  it(
    'seats a residents’ representative, flags a group below three until the office appoints one, and tells every member a finding was answered',
    { timeout: 120_000 },
    async () => {
      await ctx.world.withWorker(async (drive) => {
        await ctx.testDb.db
          .insertInto('users')
          .values({
            id: 'r1',
            username: 'r1',
            display_name: '居民代表甲',
            password_hash: 'not-a-login',
            roles: ['residentRepresentative'] satisfies Role[],
            jurisdiction_id: jurisdictionId,
            department_id: null,
            email: null,
            phone: null,
          })
          .execute();
        const today = chinaDay(new Date(await ctx.env.currentTimeMs()));
        const project = await startProject(drive, 'group', addDays(today, 200), '社区健身广场', 2032);
        const handle = project.handle;
        await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('d1') }] });
        await handle.executeUpdate(joinSupervisionGroupUpdate, { args: [{ actor: await actor('r1') }] });

        // A week on, two members of at least three: flagged, and the office is asked to appoint.
        expect((await project.state()).groupShortSince ?? null).toBeNull();
        await ctx.env.sleep(7 * DAY + 60_000);
        const flagged = await project.when((s) => !!s.groupShortSince, 'the short group to be flagged');
        expect(flagged.group.map((m) => m.userId)).toEqual(['d1', 'r1']);
        const asked = await eventually(async () => {
          const n = (await project.notices()).filter((x) => /^监督小组不足3人：/.test(x.title));
          return n.length ? n : undefined;
        }, 'the office to be asked to appoint');
        expect(asked.map((n) => n.recipient_user_id)).toEqual(['coordinator']);

        // Only the office appoints, only deputies or residents' representatives of the jurisdiction.
        const path = `/api/projects/${project.projectId}/supervision-group/appoint`;
        expect((await drive.post('d2', path, { userId: 'd3' })).status).toBe(403);
        const notADeputy = await drive.post('coordinator', path, { userId: 'official' });
        expect(notADeputy.status).toBe(422);
        expect(notADeputy.body.message).toMatch(/not a deputy or residents' representative/);
        // By code, naming the person, so the console says it in its own language.
        expect(notADeputy.body.code).toBe('notGroupEligible');
        expect(notADeputy.body.params.name).toBeTruthy();
        expect((await drive.post('coordinator', path, { userId: 'nobody' })).status).toBe(422);
        expect((await project.state()).group).toHaveLength(2);
        const appointed = await drive.post('coordinator', path, { userId: 'd2' });
        expect(appointed.status, appointed.body.message).toBe(200);
        expect(appointed.body.group.map((m: { userId: string }) => m.userId)).toEqual(['d1', 'r1', 'd2']);
        expect(appointed.body.groupShortSince).toBeNull();
        const actions = (await project.audit()).map((a) => a.action);
        expect(actions).toEqual(
          expect.arrayContaining(['project.groupShort', 'project.groupAppointed', 'project.groupComplete']),
        );

        // The residents' representative files a finding; when the department answers, all three are told.
        await handle.executeUpdate(fileFindingUpdate, {
          args: [
            { actor: await actor('r1'), findingId: 'finding-group-1', text: '围挡不全，存在安全隐患', photoIds: [] },
          ],
        });
        await project.complete('findingResponse', 'official', { response: '已补齐围挡' });
        const told = await eventually(async () => {
          const n = (await project.notices()).filter((x) => /^责任单位已答复监督意见：/.test(x.title));
          return n.length >= 3 ? n : undefined;
        }, 'every member to be told');
        expect(told.map((n) => n.recipient_user_id).sort()).toEqual(['d1', 'd2', 'r1']);
      });
    },
  );
});
