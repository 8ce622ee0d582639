import type { EntityManager } from 'typeorm';
import { countyScope, type Actor } from '../domain/access-policy.js';
import { summariseCoverage, type CountyCoverage } from '../domain/township-coverage.js';

type Query = Pick<EntityManager, 'query'>;

export interface VillageAgents {
  countyId: number;
  townshipName: string;
  villageName: string;
  activeAgents: number;
  certifiedAgents: number;
}

export interface CoverageReport {
  counties: CountyCoverage[];
  villages: VillageAgents[];
}

/** Townships by number of certified agents (reporting.township_agent_coverage), confined to the actor's county. */
export async function townshipCoverage(em: Query, actor: Actor): Promise<CoverageReport> {
  const county = countyScope(actor);
  const rows: {
    county_id: number;
    county_name: string;
    township_id: number;
    township_name: string;
    certified_agents: number;
    active_agents: number;
  }[] = await em.query(
    `SELECT county_id, county_name, township_id, township_name, certified_agents, active_agents
       FROM reporting.township_agent_coverage
      WHERE $1::int IS NULL OR county_id = $1
      ORDER BY county_code, township_code`,
    [county],
  );
  const villages: {
    county_id: number;
    township_name: string;
    village_name: string;
    active_agents: number;
    certified_agents: number;
  }[] = await em.query(
    `SELECT v.county_id, t.name AS township_name, v.village_name, v.active_agents, v.certified_agents
       FROM reporting.village_agent_coverage v JOIN organization t ON t.id = v.township_id
      WHERE $1::int IS NULL OR v.county_id = $1
      ORDER BY v.village_code`,
    [county],
  );
  return {
    counties: summariseCoverage(
      rows.map((r) => ({
        countyId: r.county_id,
        countyName: r.county_name,
        townshipId: r.township_id,
        townshipName: r.township_name,
        certifiedAgents: r.certified_agents,
        activeAgents: r.active_agents,
      })),
    ),
    villages: villages.map((v) => ({
      countyId: v.county_id,
      townshipName: v.township_name,
      villageName: v.village_name,
      activeAgents: v.active_agents,
      certifiedAgents: v.certified_agents,
    })),
  };
}
