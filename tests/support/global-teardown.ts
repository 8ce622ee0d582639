import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    { db: { stop(): Promise<void> }; dir: string } | undefined;
  if (!started) return;
  await started.db.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
}
