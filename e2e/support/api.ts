/** Who is calling: a signed-in person, optionally inside a team (X-Team-Id). */
export interface Actor {
  accessToken: string;
  teamId?: string;
  /** Sent as X-Forwarded-For: the e2e gateway trusts one proxy hop, so tests choose client IPs. */
  ip?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** A thin HTTP client for the gateway, as the mobile app would call it. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    actor: Actor | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...(actor?.accessToken ? { authorization: `Bearer ${actor.accessToken}` } : {}),
        ...(actor?.teamId ? { 'x-team-id': actor.teamId } : {}),
        ...(actor?.ip ? { 'x-forwarded-for': actor.ip } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  post(path: string, actor: Actor | undefined, body: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, actor, body, headers);
  }

  patch(path: string, actor: Actor | undefined, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', path, actor, body, headers);
  }

  get(path: string, actor: Actor | undefined, headers?: Record<string, string>) {
    return this.request('GET', path, actor, undefined, headers);
  }

  delete(path: string, actor: Actor | undefined, headers?: Record<string, string>) {
    return this.request('DELETE', path, actor, undefined, headers);
  }
}

export function expense(overrides: Record<string, unknown> = {}) {
  return {
    type: 'expense',
    amount: '12.50',
    currency: 'USD',
    occurred_at: '2026-11-20T10:00:00Z',
    description: 'groceries',
    ...overrides,
  };
}
