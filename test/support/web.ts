import type { TestApp } from '../app';

/** A tiny browser for page tests: keeps cookies, reads the CSRF token of the last form. */
export class WebSession {
  private cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly t: TestApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(setCookie: string[] | string | undefined): void {
    for (const c of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c))
        this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }

  async get(path: string) {
    const res = await this.t
      .http()
      .get(path)
      .set('Cookie', this.cookieHeader())
      .set('Accept', 'text/html');
    this.keep(res.headers['set-cookie']);
    this.lastHtml = res.text;
    return res;
  }

  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF token on the last page');
    return m[1];
  }

  async post(path: string, form: Record<string, string>, withCsrf = true) {
    const body = new URLSearchParams({
      ...(withCsrf ? { _csrf: this.csrf() } : {}),
      ...form,
    }).toString();
    const res = await this.t
      .http()
      .post(path)
      .set('Cookie', this.cookieHeader())
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(body);
    this.keep(res.headers['set-cookie']);
    this.lastHtml = res.text;
    return res;
  }

  async signIn(email: string, password: string) {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}
