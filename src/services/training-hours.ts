import type { EntityManager } from 'typeorm';

/** An agent's training (学习培训) per year, newest first, from reporting.agent_training_hours. */
export async function trainingHoursByYear(
  em: Pick<EntityManager, 'query'>,
  agentId: number,
): Promise<{ year: number; sessions: number; hours: number }[]> {
  const rows: { year: number; sessions: number; hours: string }[] = await em.query(
    `SELECT year, sessions, hours::text AS hours FROM reporting.agent_training_hours WHERE agent_id = $1 ORDER BY year DESC`,
    [agentId],
  );
  return rows.map((r) => ({ year: r.year, sessions: r.sessions, hours: Number(r.hours) }));
}
