import { FAMILY_PROVIDER, type SignInOptions } from '../../shared/signIn.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { Invitations } from '../participants/invitations.ts';
import type { AccountStore } from '../store/accountStore.ts';
import { OidcClients, OidcRefusal, type ProviderClient } from './oidcClients.ts';
import type { PendingLogins } from './oidcPending.ts';
import type { FamilyIssuer, OidcSettings, ProfessionalIssuer } from './oidcSettings.ts';

type Provider = { kind: 'professional'; settings: ProfessionalIssuer } | { kind: 'family'; settings: FamilyIssuer };

export interface SignedInThroughProvider {
  userId: string;
  /** The case whose invitation this sign-in accepted. */
  caseId: string | null;
}

export interface OidcSignInDeps {
  settings: OidcSettings;
  accounts: AccountStore;
  directory: Directory;
  invitations: Invitations;
  pending: PendingLogins;
  publicOrigin: () => string;
}

/**
 * Sign-in through an OpenID Connect provider. A professional signs in at their organisation's
 * provider and must be that organisation's directory account, matched by a verified claim. A
 * family member signs in at the DigiD broker at a high enough level (`acr`); their identity
 * (`sub` at that issuer) is linked to their account once, at the sign-in that accepts their
 * invitation, and finds that account from then on. Any failure is an `OidcRefusal`: nobody is
 * signed in, and the user is told why in Dutch (shared/signIn.ts).
 */
export class OidcSignIn {
  private readonly clients = new OidcClients();

  constructor(private readonly d: OidcSignInDeps) {}

  async options(): Promise<SignInOptions> {
    const organisations = await Promise.all(
      this.d.settings.professionals.map(async (p) => ({ id: p.organisationId, label: p.label ?? (await this.d.directory.organisation(p.organisationId))?.name ?? p.organisationId })),
    );
    return { organisations, family: this.d.settings.family ? { label: this.d.settings.family.label } : null };
  }

  /** Starts a sign-in: where to send the browser, and the cookie that binds the way back to it. */
  async start(providerId: string, invitationToken: string | undefined): Promise<{ cookie: string; url: URL }> {
    const provider = this.provider(providerId);
    if (provider.kind === 'family' && invitationToken !== undefined) await this.familyInvitation(invitationToken);
    const extra = provider.kind === 'family' ? { acr_values: acceptedLevels(provider.settings).join(' ') } : undefined;
    const request = await this.clients.authorizationRequest(clientOf(providerId, provider), this.redirectUri(providerId), extra);
    const cookie = await this.d.pending.put({
      provider: providerId,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      invitationToken: provider.kind === 'family' ? (invitationToken ?? null) : null,
    });
    return { cookie, url: request.url };
  }

  /** Finishes a sign-in at the callback: the account to sign in, or an `OidcRefusal`. */
  async finish(providerId: string, cookie: string | undefined, callbackQuery: string): Promise<SignedInThroughProvider> {
    const pending = await this.d.pending.take(cookie);
    if (!pending) throw new OidcRefusal('verlopen');
    if (pending.provider !== providerId) throw new OidcRefusal('ongeldige_status');
    const provider = this.provider(providerId);
    const currentUrl = new URL(`${this.redirectUri(providerId)}${callbackQuery}`);
    if (provider.kind === 'professional') {
      const { claim } = provider.settings;
      const claims = await this.clients.claims(clientOf(providerId, provider), currentUrl, pending, claim === 'email' ? ['email', 'email_verified'] : [claim]);
      return { userId: await this.professional(provider.settings, claims), caseId: null };
    }
    const claims = await this.clients.claims(clientOf(providerId, provider), currentUrl, pending, ['acr']);
    return this.familyMember(provider.settings, claims, pending.invitationToken);
  }

  /** The directory account of the organisation that this provider's claim names. */
  private async professional(settings: ProfessionalIssuer, claims: Record<string, unknown>): Promise<string> {
    const value = claims[settings.claim];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new OidcRefusal('onbekend');
    // An address the provider has not verified could be anyone's.
    if (settings.claim === 'email' && claims.email_verified !== true && claims.email_verified !== 'true') throw new OidcRefusal('niet_bevestigd');
    const account = await this.d.accounts.byEmail(value);
    const professional = account ? await this.d.directory.professionalById(account.id) : undefined;
    // Only this organisation's provider vouches for this organisation's people.
    if (!professional || professional.organisationId !== settings.organisationId) throw new OidcRefusal('onbekend');
    return professional.userId;
  }

  private async familyMember(settings: FamilyIssuer, claims: Record<string, unknown>, invitationToken: string | null): Promise<SignedInThroughProvider> {
    if (typeof claims.acr !== 'string' || !acceptedLevels(settings).includes(claims.acr)) throw new OidcRefusal('niveau_te_laag');
    const subject = claims.sub;
    if (typeof subject !== 'string' || subject.length === 0) throw new OidcRefusal('ongeldig_antwoord');
    const linked = await this.d.accounts.identityOwner(settings.issuer, subject);
    if (invitationToken === null) {
      if (!linked) throw new OidcRefusal('niet_gekoppeld');
      return { userId: linked, caseId: null };
    }
    try {
      return await this.d.invitations.acceptWithIdentity(invitationToken, { issuer: settings.issuer, subject }, linked);
    } catch (e) {
      if (e instanceof DomainError) throw new OidcRefusal(e.kind === 'conflict' ? 'bestaand_account' : 'uitnodiging', e);
      throw e;
    }
  }

  /** Refuses, before the browser goes anywhere, an invitation that cannot be accepted this way. */
  private async familyInvitation(token: string): Promise<void> {
    try {
      await this.d.invitations.openForFamily(token);
    } catch (e) {
      if (e instanceof DomainError) throw new OidcRefusal('uitnodiging', e);
      throw e;
    }
  }

  private provider(id: string): Provider {
    const { family, professionals } = this.d.settings;
    if (id === FAMILY_PROVIDER) {
      if (family) return { kind: 'family', settings: family };
    } else {
      const settings = professionals.find((p) => p.organisationId === id);
      if (settings) return { kind: 'professional', settings };
    }
    throw new OidcRefusal('onbekende_dienst');
  }

  /** One callback per provider, as registered there, so an answer of one is never taken for another's. */
  private redirectUri(providerId: string): string {
    return `${this.d.publicOrigin()}/api/auth/oidc/${encodeURIComponent(providerId)}/callback`;
  }
}

/** The minimum level and every level above it. */
function acceptedLevels(f: FamilyIssuer): string[] {
  return f.acrLevels.slice(f.acrLevels.indexOf(f.minimumAcr));
}

function clientOf(id: string, p: Provider): ProviderClient {
  return { id, issuer: p.settings.issuer, clientId: p.settings.clientId, clientSecret: p.settings.clientSecret };
}
