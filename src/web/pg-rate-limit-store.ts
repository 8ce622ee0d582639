import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * express-rate-limit's counters in PostgreSQL (table public_rate_limit), so that every instance behind a
 * load balancer counts the same attempts: with the package's memory store each instance would allow its
 * own quota and a guesser could multiply it by the number of instances. One atomic upsert per hit.
 */
export class PgRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly query: Query,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(key: string): string {
    return `${this.prefix}:${key}`.slice(0, 200);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const [row] = await this.query(
      `INSERT INTO public_rate_limit (key, hits, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN public_rate_limit.reset_at <= now() THEN 1 ELSE public_rate_limit.hits + 1 END,
         reset_at = CASE WHEN public_rate_limit.reset_at <= now() THEN EXCLUDED.reset_at ELSE public_rate_limit.reset_at END
       RETURNING hits, reset_at`,
      [this.key(key), this.windowMs],
    );
    // expired counters are cleared now and then, not on every hit
    if (Math.random() < 0.01) await this.query(`DELETE FROM public_rate_limit WHERE reset_at < now()`, []);
    return { totalHits: Number(row.hits), resetTime: new Date(row.reset_at as Date) };
  }

  async decrement(key: string): Promise<void> {
    await this.query(`UPDATE public_rate_limit SET hits = greatest(hits - 1, 0) WHERE key = $1`, [this.key(key)]);
  }

  async resetKey(key: string): Promise<void> {
    await this.query(`DELETE FROM public_rate_limit WHERE key = $1`, [this.key(key)]);
  }
}
