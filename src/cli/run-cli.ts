import { ConfigError } from '../config.js';

/**
 * Runs a command's `main`: exit 0 when it resolves; otherwise the problem in one readable line (a bad
 * configuration lists every bad key) and exit 1. `failure` prefixes the message, e.g. '备份失败'.
 */
export function runCli(main: () => Promise<unknown>, failure?: string): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      const message = e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e);
      console.error(failure && !(e instanceof ConfigError) ? `${failure}：${message}` : message);
      process.exit(1);
    },
  );
}
