import type { DataSource } from 'typeorm';
import { localDate } from '../domain/dates.js';
import { decideCommendations, proposeCommendations } from '../services/commendation-service.js';
import { generateEvaluations } from '../services/evaluation-service.js';

/**
 * Last year's year-end as the city would have closed it: 考评 generated from the year's figures, the
 * commendations proposed from them and approved — so that a leader opening 考评 or 表彰奖励 in the demo sees
 * what a real federation would have there. Through the same services as the city's own buttons.
 */
export async function settleDemoYearEnd(
  ds: DataSource,
  now: Date,
  log: (msg: string) => void = () => {},
): Promise<void> {
  const year = Number(localDate(now).slice(0, 4)) - 1;
  const [city] = await ds.query(
    `SELECT id, email FROM admin_user WHERE role = 'city_admin' AND is_active ORDER BY id LIMIT 1`,
  );
  if (!city) return;
  const actor = { id: city.id, role: 'city_admin' as const, countyId: null, email: city.email };
  log(`正在生成${year}年度考评与表彰…`);
  await generateEvaluations(ds, actor, year, now);
  await proposeCommendations(ds, actor, year);
  const proposed: { id: number }[] = await ds.query(
    `SELECT id FROM commendation WHERE year = $1 AND status = 'proposed' ORDER BY id`,
    [year],
  );
  if (proposed.length)
    await decideCommendations(
      ds,
      actor,
      proposed.map((p) => p.id),
      'approve',
      localDate(now),
    );
}
