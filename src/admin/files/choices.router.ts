import express from 'express';
import type { DataSource } from 'typeorm';
import { countyScope } from '../../domain/access-policy.js';
import { eligibleAgents } from '../../services/agent-eligibility.js';
import { signedInRoute } from './route.js';
import { isValidDate } from '../../domain/dates.js';
import { recordId } from '../scoped-resource.js';
import { refuse } from '../refusals.js';
import { chinaToday } from '../clock.js';

export type ChoiceKind = 'county' | 'township' | 'village' | 'agent';
const KINDS: readonly ChoiceKind[] = ['county', 'township', 'village', 'agent'];

/**
 * The options of a form's place and agent pickers, by level (组织层级) and within the user's county:
 * counties; the townships of a county; the villages of a township; the agents who may take a case in a
 * county on the day given (`on`: the day the agent takes the case; today when none is given — in post,
 * certificate valid that day: 持证上岗). The server refuses any other choice on save; this only keeps the
 * wrong ones out of the list.
 */
export function choicesRouter(ds: DataSource): express.Router {
  const router = express.Router();
  router.get(
    '/choices/:kind',
    signedInRoute(async (actor, req, res) => {
      const kind = req.params.kind as ChoiceKind;
      if (!KINDS.includes(kind)) return void refuse(res, 'NOT_FOUND', '没有这种选项');
      const scope = countyScope(actor);
      const parent = req.query.parent === undefined || req.query.parent === '' ? null : recordId(req.query.parent);
      if (req.query.parent !== undefined && req.query.parent !== '' && parent === null)
        return void refuse(res, 'INPUT_REFERENCE', '上级地点无效');
      const on = typeof req.query.on === 'string' && req.query.on !== '' ? req.query.on : null;
      if ((req.query.on !== undefined && req.query.on !== '' && on === null) || (on !== null && !isValidDate(on)))
        return void refuse(res, 'INPUT_DATE', '日期无效，请按“年-月-日”填写');
      const rows = async (sql: string, params: unknown[]) =>
        (await ds.manager.query(sql, params)) as { value: string; label: string }[];
      let choices: { value: string; label: string }[] = [];
      if (kind === 'county') {
        choices = await rows(
          `SELECT id::text AS value, name AS label FROM organization
            WHERE level = 'county' AND voided_at IS NULL AND ($1::int IS NULL OR id = $1) ORDER BY code`,
          [scope],
        );
      } else if (kind === 'township') {
        const county = scope ?? parent;
        if (county !== null)
          choices = await rows(
            `SELECT id::text AS value, name AS label FROM organization
              WHERE level = 'township' AND parent_id = $1 AND voided_at IS NULL ORDER BY code`,
            [county],
          );
      } else if (kind === 'village') {
        if (parent !== null)
          choices = await rows(
            `SELECT v.id::text AS value, v.name AS label FROM organization v JOIN organization t ON t.id = v.parent_id
              WHERE v.level = 'village' AND v.parent_id = $1 AND v.voided_at IS NULL
                AND ($2::int IS NULL OR t.parent_id = $2) ORDER BY v.code`,
            [parent, scope],
          );
      } else {
        const county = scope ?? parent;
        if (county !== null)
          choices = (await eligibleAgents(ds.manager, county, on ?? chinaToday())).map((a) => ({
            value: String(a.id),
            label: a.label,
          }));
      }
      res.setHeader('Cache-Control', 'private, no-store');
      res.json({ choices });
    }),
  );
  return router;
}
