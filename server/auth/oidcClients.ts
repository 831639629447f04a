import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcFailure } from '../../shared/signIn.ts';
import { isLoopback } from './oidcSettings.ts';

/** One relying-party registration at an issuer. */
export interface ProviderClient {
  /** The provider id in Tafel's URLs: an organisation id, or `gezin`. */
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** A sign-in through a provider that ends without anyone signed in, with the reason the user is told. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcFailure,
    override readonly cause?: unknown,
  ) {
    super(code);
  }
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

const SCOPE = 'openid email profile';
/** Seconds to wait for an identity provider's answer. */
const TIMEOUT_S = 10;

/**
 * The OpenID Connect side of Tafel as a relying party, with `openid-client`: discovery once per
 * issuer (again after a failure), authorization code flow with PKCE (S256), `state` and `nonce`,
 * ID token checked by the library (signature, `iss`, `aud`, `exp`, `nonce`). Plain HTTP only to an
 * issuer on this machine.
 */
export class OidcClients {
  private readonly configs = new Map<string, Promise<client.Configuration>>();

  /** A fresh authorization request to send the browser to. */
  async authorizationRequest(p: ProviderClient, redirectUri: string, extra: Record<string, string> = {}): Promise<AuthorizationRequest> {
    const config = await this.configuration(p);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code of the callback at `currentUrl` (the public callback URL with its query)
   * and returns the ID token's claims, completed from the userinfo endpoint when one of `wanted`
   * is not in the ID token (most providers put e-mail there only).
   */
  async claims(p: ProviderClient, currentUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }, wanted: readonly string[]): Promise<Record<string, unknown>> {
    // Our own check first, so a foreign state is told as such; the library checks it again.
    if (!sameText(currentUrl.searchParams.get('state') ?? '', expected.state)) throw new OidcRefusal('ongeldige_status');
    const config = await this.configuration(p);
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new OidcRefusal('ongeldig_antwoord');
      const claims: Record<string, unknown> = { ...idToken };
      if (wanted.some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint) {
        // The userinfo must be about the same subject; the ID token's claims win where both say something.
        const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        return { ...info, ...claims };
      }
      return claims;
    } catch (e) {
      throw refusalFor(e);
    }
  }

  private async configuration(p: ProviderClient): Promise<client.Configuration> {
    let config = this.configs.get(p.id);
    if (!config) {
      config = client.discovery(new URL(p.issuer), p.clientId, p.clientSecret, undefined, {
        execute: isLoopback(p.issuer) ? [client.allowInsecureRequests] : [],
        timeout: TIMEOUT_S,
      });
      this.configs.set(p.id, config);
      // A provider that was down is asked again next time.
      config.catch(() => this.configs.delete(p.id));
    }
    try {
      return await config;
    } catch (e) {
      throw new OidcRefusal('onbereikbaar', e);
    }
  }
}

/** What an error of the library means for the person signing in. */
function refusalFor(e: unknown): OidcRefusal {
  if (e instanceof OidcRefusal) return e;
  // The provider sent an error instead of a code (the person cancelled, or was refused there).
  if (e instanceof client.AuthorizationResponseError) return new OidcRefusal('afgebroken', e);
  // `invalid_grant`: the code expired, was used, or was not made for this verifier or redirect.
  if (e instanceof client.ResponseBodyError) return new OidcRefusal(e.error === 'invalid_grant' ? 'code_verlopen' : 'ongeldig_antwoord', e);
  if (e instanceof TypeError) return new OidcRefusal('onbereikbaar', e);
  if (e instanceof client.ClientError && (e.code === 'OAUTH_TIMEOUT' || e.code === 'OAUTH_ABORT')) return new OidcRefusal('onbereikbaar', e);
  return new OidcRefusal('ongeldig_antwoord', e);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
