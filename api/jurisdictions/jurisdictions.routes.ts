import { forbidden, notFound } from '../errors';
import { route } from '../http/route';
import { recordChange } from '../office/changeAudit';
import { findWatched, listWatched, renameJurisdiction } from './jurisdictions.queries';
import { createJurisdictionSchema, updateJurisdictionSchema } from '../../domain/contract/jurisdictions';
import { createJurisdictionWithOffice, randomCode } from './jurisdictions.service';

/** 辖区: the county office creates its townships and streets, each with its own office (docs/domain.md, "Levels"). */
export const jurisdictionRoutes = [
  route({
    id: 'listJurisdictions',
    method: 'get',
    path: '/jurisdictions',
    tag: 'jurisdictions',
    summary: 'List my jurisdiction and its townships and streets, with their active office accounts',
    access: ['coordinator'],
    handler: async ({ res, deps: { db }, user }) => {
      const rows = await listWatched(db, user.jurisdictionId).orderBy('level').orderBy('name').execute();
      res.set('Content-Range', `jurisdictions 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
      res.json(rows.map((r) => ({ ...r, active_coordinators: Number(r.active_coordinators) })));
    },
  }),

  route({
    id: 'getJurisdiction',
    method: 'get',
    path: '/jurisdictions/:id',
    tag: 'jurisdictions',
    summary: 'Read my jurisdiction or one of its townships',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const found = await findWatched(db, user.jurisdictionId, params.id);
      if (!found) throw notFound('jurisdiction', params.id);
      res.json(found);
    },
  }),

  route({
    id: 'createJurisdiction',
    method: 'post',
    path: '/jurisdictions',
    tag: 'jurisdictions',
    summary:
      'Create a township or street under my county, with its office’s first account (one-time password, shown once)',
    access: ['coordinator'],
    notes:
      'Only a county office creates jurisdictions (403 otherwise). The code becomes part of the id, `<county>-<code>`.',
    body: createJurisdictionSchema,
    ok: { 201: '`{ jurisdiction, coordinator: { id, username, oneTimePassword } }`.' },
    refusals: [403, 409],
    handler: async ({ res, deps: { db }, user, body }) => {
      const own = await findWatched(db, user.jurisdictionId, user.jurisdictionId);
      if (own?.level !== 'county') throw forbidden('countyOnly');
      const created = await createJurisdictionWithOffice(db, user, {
        id: `${user.jurisdictionId}-${body.code ?? randomCode()}`,
        name: body.name,
        level: body.level,
        parentId: user.jurisdictionId,
        coordinator: { username: body.coordinator.username, displayName: body.coordinator.display_name },
      });
      res.status(201).json({ id: created.jurisdiction.id, ...created });
    },
  }),

  route({
    id: 'updateJurisdiction',
    method: 'put',
    path: '/jurisdictions/:id',
    tag: 'jurisdictions',
    summary: 'Rename my jurisdiction or one of its townships',
    access: ['coordinator'],
    body: updateJurisdictionSchema,
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const before = await findWatched(db, user.jurisdictionId, params.id);
      if (!before) throw notFound('jurisdiction', params.id);
      await db.transaction().execute(async (trx) => {
        await renameJurisdiction(trx, before.id, body.name);
        await recordChange(trx, user, {
          action: 'jurisdiction.updated',
          subject: `jurisdiction:${before.id}`,
          jurisdictionId: user.jurisdictionId,
          before: { name: before.name },
          after: { name: body.name },
        });
      });
      res.json({ ...before, name: body.name });
    },
  }),
];
