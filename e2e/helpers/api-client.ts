/** A browser-like HTTP client for setting up data through the public API: cookies and the CSRF header. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly base: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: setup code reads a few fields of known answers
  async request(method: string, path: string, body?: unknown): Promise<any> {
    if (!this.csrf && method !== 'GET') {
      this.csrf = 'pending';
      this.csrf = (await this.request('GET', '/api/v1/auth/csrf')).token;
    }
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(this.csrf && this.csrf !== 'pending' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name, value.join('='));
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }

  /** The token of the newest link with this path in the local mailbox's mail to `to`. */
  async mailboxToken(to: string, linkPath: string): Promise<string> {
    const mailbox = (await (await fetch(`${this.base}/dev/mailbox/messages`)).json()) as {
      data: { to: string; text: string }[];
    };
    const pattern = new RegExp(`${linkPath}\\?token=(\\S+)`);
    const token = mailbox.data
      .filter((mail) => mail.to === to)
      .map((mail) => pattern.exec(mail.text)?.[1])
      .find(Boolean);
    if (!token) throw new Error(`no ${linkPath} link for ${to}`);
    return token;
  }

  /** Signs up, verifies by the emailed link and logs in: the owner of a new organization. */
  async signUpOwner(input: { email: string; password: string; name: string; organizationName: string }) {
    await this.request('POST', '/api/v1/auth/signup', input);
    await this.request('POST', '/api/v1/auth/verify-email', {
      token: await this.mailboxToken(input.email, '/verificar'),
    });
    await this.request('POST', '/api/v1/auth/login', { email: input.email, password: input.password });
  }
}
