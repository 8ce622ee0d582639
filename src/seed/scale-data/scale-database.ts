/**
 * The scale database lives apart from the demo's: its own DATA_DIR and embedded port unless set (or
 * DATABASE_URL), so `npm run seed:scale` never replaces the demo data `npm start` uses.
 */
export const SCALE_DEFAULTS = { dataDir: '.data-scale', port: 54339, cases: 100_000, agents: 5_000, counties: 100 };

export function useScaleDatabase(env: NodeJS.ProcessEnv = process.env): void {
  if (env.DATABASE_URL) return;
  env.DATA_DIR ||= SCALE_DEFAULTS.dataDir;
  env.EMBEDDED_PG_PORT ||= String(SCALE_DEFAULTS.port);
}
