import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { buildAgents } from './agents.js';
import { buildAnnualReports } from './annual-reports.js';
import { insertRows } from './bulk-insert.js';
import { buildCaseFiles } from './case-files.js';
import { buildCases } from './cases.js';
import { buildPlaces } from './places.js';
import { randomStream } from './random.js';
import { buildRatings } from './ratings.js';
import { buildSupervision } from './supervision.js';
import { buildTrainings } from './trainings.js';
import { buildAdminUsers } from './users.js';
import { buildWorkPoints, buildWorkSystems } from './work-points.js';
import { repeatPetitionSql } from '../../services/repeat-petitions.js';

/** Every table of the program; user_session and pgmigrations are left alone. */
export const PROGRAM_TABLES = [
  'organization',
  'admin_user',
  'work_point',
  'work_system',
  'agent',
  'certificate',
  'certificate_review',
  'training',
  'training_attendance',
  'petition_case',
  'case_document',
  'case_log',
  'case_rating',
  'analysis_report',
  'annual_report',
  'evaluation',
  'commendation',
  'audit_log',
  'notice',
  'notice_recipient',
  'info_report',
  'inspection',
  'inspection_finding',
  'rectification',
];

/**
 * The whole demo world: its tables as rows, in insertion order, and 附件7 of the past years, whose frozen
 * figures count 重复信访 as the database does (given the ids is_repeat_petition finds once the cases are
 * in). Pure: the same on every call.
 */
function buildDemoWorld() {
  const places = buildPlaces();
  const users = buildAdminUsers(places.counties);
  const workPoints = buildWorkPoints(randomStream('work-points'), places.counties);
  const workSystems = buildWorkSystems(randomStream('work-systems'), places.counties);
  const usedIdNumbers = new Set<string>();
  const agents = buildAgents(randomStream('agents'), places.counties, usedIdNumbers);
  const trainings = buildTrainings(randomStream('trainings'), places.counties, agents.agents);
  const jointMeetingCountyIds = new Set(workPoints.filter((w) => w.joint_meeting_mechanism).map((w) => w.county_id));
  const cases = buildCases(randomStream('cases'), {
    counties: places.counties,
    agents: agents.agents,
    jointMeetingCountyIds,
    usedIdNumbers,
  });
  const staffByCounty = new Map(users.filter((u) => u.county_id !== null).map((u) => [u.county_id!, u.id]));
  const files = buildCaseFiles(randomStream('case-files'), cases, staffByCounty);
  const ratings = buildRatings(
    randomStream('ratings'),
    cases.map((c) => c.row),
  );
  const supervision = buildSupervision(places.counties, users, workPoints);
  const tables = {
    organization: places.rows,
    admin_user: users,
    work_point: workPoints,
    work_system: workSystems,
    agent: agents.agentRows,
    certificate: agents.certificateRows,
    certificate_review: agents.reviewRows,
    training: trainings.trainingRows,
    training_attendance: trainings.attendanceRows,
    petition_case: cases.map((c) => c.row),
    case_document: files.documentRows,
    case_log: files.logRows,
    case_rating: ratings,
    ...supervision,
  };
  return {
    tables,
    annualReports: (repeats: ReadonlySet<number>) =>
      buildAnnualReports(
        places.counties,
        users,
        cases.map((c) => c.row),
        ratings,
        repeats,
      ),
  };
}

/** The demo world's tables as rows, table by table in insertion order (附件7 aside). Pure. */
export function buildDemoData() {
  return buildDemoWorld().tables;
}

const TABLE_NAMES: Record<keyof ReturnType<typeof buildDemoData> | 'annual_report', string> = {
  organization: '组织机构',
  admin_user: '用户',
  work_point: '工作点',
  work_system: '工作制度',
  agent: '代理员',
  certificate: '代理员证',
  certificate_review: '证书年审记录',
  training: '培训',
  training_attendance: '参训记录',
  petition_case: '案件',
  case_document: '案件文书',
  case_log: '办案记录',
  case_rating: '信访人评价',
  annual_report: '年度结案统计表',
  notice: '通知公告',
  notice_recipient: '通知收文记录',
  info_report: '信息上报',
  inspection: '督导检查',
  inspection_finding: '检查发现',
  rectification: '整改事项',
};

/**
 * Replaces everything in the program's tables with the demo world, in one transaction: either the
 * whole demo is there afterwards or nothing changed.
 */
export async function loadDemoData(client: pg.ClientBase, log: (msg: string) => void = () => {}): Promise<void> {
  const started = performance.now();
  log('正在生成演示数据…');
  const world = buildDemoWorld();
  await client.query('BEGIN');
  try {
    log('正在清空业务数据表…');
    await client.query(`TRUNCATE ${PROGRAM_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    const insert = async (table: keyof typeof TABLE_NAMES, rows: object[]) => {
      log(`正在写入${TABLE_NAMES[table]} ${rows.length} 条…`);
      await insertRows(client, table, rows);
    };
    for (const [table, rows] of Object.entries(world.tables) as [keyof typeof world.tables, object[]][])
      await insert(table, rows);
    // the past years' 附件7 froze their figures with 重复信访 as the database counts it, asked of the cases loaded
    const { rows: repeats } = await client.query<{ id: number }>(
      `SELECT c.id FROM petition_case c WHERE ${repeatPetitionSql('c')}`,
    );
    await insert('annual_report', world.annualReports(new Set(repeats.map((r) => r.id))));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  log(`演示数据已载入，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
}

/** True when no organisation exists yet: the database has never been seeded or used. */
export async function isDatabaseEmpty(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM organization) AS empty');
  return rows[0].empty;
}
