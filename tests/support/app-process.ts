import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

// The app as users run it: a real `src/main.ts` process on a given database, for the tests of start-up,
// shutdown and crashes (a crash mid-way must lose no record).

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Instance {
  proc: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

export async function startInstance(databaseUrl: string, seed = false): Promise<Instance> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: String(seed),
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('管理后台已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`instance exited:\n${output}`)));
  });
  return { proc, baseUrl: `http://127.0.0.1:${port}`, exited };
}
