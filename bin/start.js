// `npm start`. With NODE_ENV=production: the compiled server from `npm run build` (dist/), on plain node —
// no TypeScript transpiler and no bundler in the running process. Otherwise the TypeScript sources
// through tsx, as in development (`npm install && npm start`). README「生产部署」.
import fs from 'node:fs';
import { register } from 'node:module';
/* global process, console, URL */

if (process.env.NODE_ENV === 'production') {
  const main = new URL('../dist/src/main.js', import.meta.url);
  if (!fs.existsSync(main)) {
    console.error('生产环境运行编译后的代码：请先执行 npm run build（dist/ 不存在）');
    process.exit(1);
  }
  // AdminJS serves the bundles `npm run build` made instead of bundling its components at start
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  register('./production-hooks.js', import.meta.url);
  await import(main.href);
} else {
  const tsx = await import('tsx/esm/api');
  tsx.register();
  await import('../src/main.ts');
}
