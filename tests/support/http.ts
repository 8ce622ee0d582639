/** A tiny HTTP client with a cookie jar: one instance is one browser session. */
export class Session {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: Record<string, unknown> | URLSearchParams | FormData | Blob,
  ): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let payload: BodyInit | undefined;
    // a Blob is sent as is, with its own type (file uploads)
    if (body instanceof FormData || body instanceof URLSearchParams || body instanceof Blob) payload = body;
    else if (body) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }

  /** A cookie's value as the browser holds it. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The same browser session (cookies) against another server, e.g. a second app instance. */
  on(baseUrl: string): Session {
    const twin = new Session(baseUrl);
    twin.cookies = this.cookies;
    return twin;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** AdminJS API call; returns status and parsed JSON (or null). */
  async api(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<{ status: number; json: any }> {
    // like the page it is posted from, a record's form sends the version the page was loaded with; a test
    // that means to leave it out says so (`rowVersion: undefined` or '')
    if (
      method === 'POST' &&
      !(body && 'rowVersion' in body) &&
      /^\/resources\/[^/]+\/records\/[^/]+\/[^/?]+/.test(path)
    ) {
      const page = await this.api('GET', path);
      const version = page.json?.record?.params?.rowVersion;
      if (version !== undefined) body = { ...(body ?? {}), rowVersion: version };
    }
    const form = body ? toForm(body) : undefined;
    const res = await this.request(method, `/admin/api${path}`, form);
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json };
  }

  /** Logs in through the login form; true when the server accepted the password. */
  async login(email: string, password = 'demo12345'): Promise<boolean> {
    const res = await this.request('POST', '/admin/login', new URLSearchParams({ email, password }));
    return res.status === 302 && res.headers.get('location') === '/admin';
  }
}

/** The flat key/value form AdminJS's front end posts. */
function toForm(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) if (v !== undefined) form.append(k, v === null ? '' : String(v));
  return form;
}
