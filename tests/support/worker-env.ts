import os from 'node:os';
import path from 'node:path';

// Each test worker builds AdminJS's component bundle in its own directory, so parallel workers (and a
// developer's running server) never serve each other's half-written bundle.
process.env.ADMIN_JS_TMP_DIR = path.join(os.tmpdir(), `wpa-adminjs-${process.pid}`);
