import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

// `npm run build`: the production server, ahead of time (README「生产部署」).
//  1. dist/ from scratch: tsc -p tsconfig.build.json (server, migrations, ormconfig) and our static files;
//  2. dist/admin-assets/: AdminJS's browser bundles — our React components bundled once here with
//     @adminjs/bundler, and AdminJS's own production bundles beside them — so the running server
//     (ADMIN_JS_SKIP_BUNDLE=true) serves files and never loads rollup, babel or esbuild.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const ADMIN_ASSETS = 'dist/admin-assets';

async function main(): Promise<void> {
  const started = Date.now();
  fs.rmSync(DIST, { recursive: true, force: true });
  console.log('编译 TypeScript → dist/ …');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('tsc 编译失败');
  fs.cpSync(path.join(ROOT, 'src/web/public'), path.join(DIST, 'src/web/public'), { recursive: true });

  console.log('打包 AdminJS 前端组件 → dist/admin-assets/ …');
  // AdminJS reads NODE_ENV when its modules load: production bundles (minified, React production build)
  process.env.NODE_ENV = 'production';
  process.chdir(ROOT);
  const { bundle } = await import('@adminjs/bundler');
  const { componentLoader } = await import('../admin/components/index.js');
  await bundle({ componentLoader, destinationDir: ADMIN_ASSETS });
  console.log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒。启动: NODE_ENV=production npm start`);
}

runCli(main, '构建失败');
