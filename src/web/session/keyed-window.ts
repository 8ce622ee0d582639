/**
 * Lets each key through at most once per window: what keeps a signed-in user's every request from going
 * back to the database for things that change seldom (her own row, her session's expiry).
 */
export class KeyedWindow {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** True when `key` was not let through within the window; it is let through now. */
  admit(key: string): boolean {
    const t = this.now();
    const at = this.last.get(key);
    if (at !== undefined && t - at < this.windowMs && t >= at) return false;
    this.last.set(key, t);
    // the keys are sessions and users: forget those whose window has long passed
    if (this.last.size > 10_000) for (const [k, v] of this.last) if (t - v >= this.windowMs) this.last.delete(k);
    return true;
  }
}
