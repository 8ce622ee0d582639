// A small client for Metabase's REST API (https://www.metabase.com/docs/latest/api): a session from
// POST /api/session, then JSON requests carrying the X-Metabase-Session header.

export class MetabaseError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    detail: string,
  ) {
    super(`Metabase ${path} 返回 ${status}: ${detail}`);
  }
}

export class MetabaseClient {
  private session: string | null = null;

  constructor(
    readonly siteUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async login(email: string, password: string): Promise<void> {
    const { id } = await this.request<{ id: string }>('POST', '/api/session', { username: email, password });
    this.session = id;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** GET of a list that newer versions wrap as `{ data: [...] }` (e.g. /api/database). */
  async list<T>(path: string): Promise<T[]> {
    const body = await this.get<T[] | { data: T[] }>(path);
    return Array.isArray(body) ? body : body.data;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.session) headers['x-metabase-session'] = this.session;
    const res = await this.fetchImpl(`${this.siteUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new MetabaseError(res.status, `${method} ${path}`, text.slice(0, 300));
    return (text ? JSON.parse(text) : null) as T;
  }
}
