import type { EntityManager } from 'typeorm';
import { problem, type FieldProblems } from '../domain/errors.js';
import { ORG_LEVEL_LABELS, type OrgLevel } from '../domain/vocabulary.js';

type Query = Pick<EntityManager, 'query'>;

type PlaceLevel = Exclude<OrgLevel, 'city'>;

/**
 * 组织层级 (city → county → township → village): each place field takes a place of its own level only,
 * so that a village is never saved, and printed on the 登记表, as the township. Problems keyed by field.
 */
export async function placeLevelProblems(
  em: Query,
  values: Record<string, unknown>,
  fields: Record<string, PlaceLevel>,
): Promise<FieldProblems> {
  const found: FieldProblems = {};
  for (const [field, level] of Object.entries(fields)) {
    const id = values[field];
    if (id == null || id === '') continue;
    const [row]: { level: string }[] = await em.query('SELECT level::text AS level FROM organization WHERE id = $1', [
      Number(id),
    ]);
    if (row && row.level !== level)
      found[field] = problem('PLACE_LEVEL', `请选择${ORG_LEVEL_LABELS[level]}，所选地点不是${ORG_LEVEL_LABELS[level]}`);
  }
  return found;
}
