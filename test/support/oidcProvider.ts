import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Configuration, type JWK, type KoaContextWithOIDC, Provider } from 'oidc-provider';

/** An account at the test provider: the claims it gives about the person. */
export interface OpAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface OpClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** A real OpenID Provider (`oidc-provider`) on a random port of this process. */
export interface TestOp {
  issuer: string;
  accounts: Map<string, OpAccount>;
  /** Seconds an authorization code stays valid; lower it to let a code expire. */
  codeTtl: number;
  /** Registers Tafel as a client; the provider is made now, once Tafel's callback address is known. */
  register(client: OpClient): void;
  close(): Promise<void>;
}

/**
 * Starts the provider. Its login page is this file's own interaction endpoint: a form whose `POST
 * /interaction/<uid>` with `sub` (and `acr`, the level the person signed in at) signs that
 * account in, `cancel=1` stops the sign-in; consent is taken as given (a first-party client).
 */
export async function startTestOp(): Promise<TestOp> {
  let provider: Provider | undefined;
  const server = http.createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const op: TestOp = {
    issuer,
    accounts: new Map(),
    codeTtl: 60,
    register(client) {
      provider = new Provider(issuer, configuration(op, client));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return op;
}

function configuration(op: TestOp, client: OpClient): Configuration {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test', use: 'sig', alg: 'RS256' } as JWK] },
    cookies: { keys: ['tafel-test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // As the spec has it for the code flow (and many providers do): e-mail from the userinfo endpoint, not the ID token.
    conformIdTokenClaims: true,
    acrValues: ['basis', 'midden', 'substantieel', 'hoog'],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // biome-ignore lint/correctness/noComponentHookFactories: oidc-provider's key, not a React component.
    ttl: { AuthorizationCode: () => op.codeTtl, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = op.accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
}

async function interaction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method !== 'POST') {
    // The provider's login page, plain enough for a test browser to fill in.
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Inloggen bij de test-provider</title><form method="post" action="/interaction/${details.uid}">
      <label>Gebruiker <input name="sub"></label><label>Niveau <input name="acr"></label>
      <button type="submit">Inloggen bij provider</button><button type="submit" name="cancel" value="1">Stoppen</button></form>`);
    return;
  }
  let body = '';
  for await (const chunk of req) body += String(chunk);
  const form = new URLSearchParams(body);
  if (form.get('cancel')) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Afgebroken' }, { mergeWithLastSubmission: false });
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: form.get('sub') ?? '', ...(form.get('acr') ? { acr: form.get('acr')! } : {}) } }, { mergeWithLastSubmission: false });
}

/** Cookies by name, as a browser keeps them for one site (paths do not matter for these flows). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

export interface FlowResult {
  /** Where Tafel's callback sent the browser: the app, a case, or `/?aanmelden=<reason>`. */
  location: string;
  /** The callback as the provider sent the browser to it, to replay it. */
  callback: URL;
  /** Tafel's cookies after the callback (a session only if signed in). */
  tafel: CookieJar;
  /** Tafel's cookies the browser came back with (the one that binds the sign-in to it), to replay the callback. */
  startCookies: string;
}

export interface FlowOptions {
  /** What the person does at the provider's login page. */
  login: { sub: string; acr?: string } | 'cancel';
  /** Changes the callback before the browser arrives with it (a forged state, say). */
  alterCallback?: (url: URL) => void;
  /** Waits between the provider's answer and the callback (to let the code expire). */
  beforeCallback?: () => Promise<void>;
  /** Arrives at the callback in another browser: without the cookie the start route set. */
  otherBrowser?: boolean;
}

/**
 * A browser's way through a sign-in: Tafel's start route, the provider's authorization endpoint
 * and login page, and back to Tafel's callback, following each redirect by hand with fetch.
 */
export async function signInThrough(tafelHttp: string, startPath: string, opts: FlowOptions): Promise<FlowResult> {
  const tafel = new CookieJar();
  const op = new CookieJar();
  let res = await fetch(`${tafelHttp}${startPath}`, { redirect: 'manual' });
  tafel.take(res);
  let url = new URL(res.headers.get('location') ?? '/', tafelHttp);
  for (let hop = 0; hop < 10 && !url.pathname.startsWith('/api/auth/oidc/') && url.origin !== new URL(tafelHttp).origin; hop++) {
    res = await fetch(url, { redirect: 'manual', headers: { cookie: op.header() } });
    op.take(res);
    if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
      const form: Record<string, string> = opts.login === 'cancel' ? { cancel: '1' } : { sub: opts.login.sub, ...(opts.login.acr ? { acr: opts.login.acr } : {}) };
      res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: op.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
      op.take(res);
    }
    url = new URL(res.headers.get('location') ?? '/', url);
  }
  // Tafel names itself by its public URL (localhost); the test reaches it at its bound address.
  const callback = new URL(`${url.pathname}${url.search}`, tafelHttp);
  opts.alterCallback?.(callback);
  await opts.beforeCallback?.();
  const startCookies = opts.otherBrowser ? '' : tafel.header();
  if (!callback.pathname.startsWith('/api/auth/oidc/')) return { location: callback.pathname + callback.search, callback, tafel, startCookies };
  res = await fetch(callback, { redirect: 'manual', headers: { cookie: startCookies } });
  tafel.take(res);
  return { location: res.headers.get('location') ?? '', callback, tafel, startCookies };
}
