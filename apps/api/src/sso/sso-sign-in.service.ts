import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { SsoDiscoverResponse, SsoErrorCode, SsoOrganizationView } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { randomToken } from '../common/tokens';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type ProviderConnection, OidcClient, ProviderUnavailableError, type VerifiedIdentity } from './oidc-client';
import { type OidcProviderRow, SsoRepository } from './sso.repository';
import { type SsoFlow, SsoFlowStore } from './sso-flow-store';
import { decideJoin, domainOf } from './sso-join-policy';
import { SsoSecrets } from './sso-secrets';

export interface Redirect {
  location: string;
  flowId?: string;
  session?: { token: string; expiresAt: Date };
}

/** Only same-site paths are followed after sign-in, so a crafted `next` cannot send someone elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

const NO_SSO: SsoDiscoverResponse = { startUrl: null, providerName: null };

/**
 * Sign-in through the organization's OpenID provider: authorization code flow with PKCE, state and nonce
 * kept server-side (SsoFlowStore), the join policy applied to the verified identity, then the ordinary team
 * session. Every failure ends on the login page with a reason code, never on an error page.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    private readonly repository: SsoRepository,
    private readonly client: OidcClient,
    private readonly flows: SsoFlowStore,
    private readonly secrets: SsoSecrets,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Which provider an address signs in with: its member's organization, else the one claiming its domain. */
  async discover(email: string, next?: string): Promise<SsoDiscoverResponse> {
    const user = await this.repository.findUserByEmail(email);
    const organization = user ? user.organization : await this.repository.findOrganizationByDomain(domainOf(email));
    if (!organization?.oidcProvider || user?.disabledAt) return NO_SSO;
    return { startUrl: startUrl(organization.slug, next, email), providerName: organization.oidcProvider.displayName };
  }

  /** For the organization's direct link (/login?org=<slug>). */
  async organizationEntry(slug: string): Promise<SsoOrganizationView> {
    const organization = await this.repository.findOrganizationBySlug(slug);
    if (!organization?.oidcProvider) throw new NotFoundException('This organization has no single sign-on.');
    return { organizationName: organization.name, providerName: organization.oidcProvider.displayName, startUrl: startUrl(slug) };
  }

  async start(query: Record<string, unknown>): Promise<Redirect> {
    try {
      return await this.begin(query);
    } catch (error) {
      this.logger.error(`single sign-on could not start: ${describe(error)}`);
      return toLogin('sso_unavailable');
    }
  }

  private async begin(query: Record<string, unknown>): Promise<Redirect> {
    const organization = typeof query.org === 'string' ? await this.repository.findOrganizationBySlug(query.org) : null;
    const provider = organization?.oidcProvider;
    if (!organization || !provider) return toLogin('sso_unavailable');
    const flow: SsoFlow = { organizationId: organization.id, state: randomToken(), nonce: randomToken(), codeVerifier: randomToken(), next: safeNext(query.next) };
    const loginHint = typeof query.login_hint === 'string' && query.login_hint.length <= 254 ? query.login_hint : undefined;
    try {
      const url = await this.client.authorizationUrl(this.connection(provider), this.redirectUri(), flow, loginHint);
      return { location: url.href, flowId: await this.flows.put(flow) };
    } catch (error) {
      this.logger.warn(`single sign-on for ${organization.slug} could not start: ${describe(error)}`);
      return toLogin('sso_unavailable');
    }
  }

  async callback(flowId: string | undefined, callbackUrl: URL): Promise<Redirect> {
    try {
      return await this.finish(flowId, callbackUrl);
    } catch (error) {
      // Anything unforeseen (the database away, say) still ends on the login page rather than an error page.
      this.logger.error(`single sign-on callback failed: ${describe(error)}`);
      return toLogin('sso_failed');
    }
  }

  private async finish(flowId: string | undefined, callbackUrl: URL): Promise<Redirect> {
    const flow = flowId ? await this.flows.take(flowId) : null;
    // No flow: none was started in this browser, it expired, or this callback URL was already used once.
    if (!flow) return toLogin('sso_state');
    const organization = await this.repository.findOrganizationById(flow.organizationId);
    const provider = organization?.oidcProvider;
    if (!organization || !provider) return toLogin('sso_unavailable');
    const refuse = (code: SsoErrorCode, reason: string, data: Record<string, string> = {}) => this.refuse(organization.id, code, reason, data);

    if (callbackUrl.searchParams.get('state') !== flow.state) return refuse('sso_state', 'state_mismatch');
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) return refuse(providerError === 'access_denied' ? 'sso_cancelled' : 'sso_failed', `provider_error:${providerError.slice(0, 60)}`);

    let identity: VerifiedIdentity;
    try {
      identity = await this.client.verifyCallback(this.connection(provider), callbackUrl, flow);
    } catch (error) {
      this.logger.warn(`single sign-on for ${organization.slug} failed: ${describe(error)}`);
      if (error instanceof ProviderUnavailableError || isNetworkError(error)) return refuse('sso_unavailable', 'provider_unreachable');
      return refuse('sso_failed', `verification_failed:${errorCode(error)}`);
    }

    const existing = identity.email ? await this.repository.findUserByEmail(identity.email) : null;
    const decision = decideJoin(organization.id, provider, identity, existing);
    if (decision.kind === 'refuse') return refuse(decision.code, decision.reason, identity.email ? { email: identity.email } : {});
    const userId = decision.kind === 'sign_in' ? decision.userId : await this.join(organization.id, provider, decision.email, identity);

    // startSession records the sign-in (method oidc) and sets the member's last sign-in.
    const session = await this.auth.startSession(userId, 'oidc');
    await this.repository.markVerified(organization.id);
    return { location: flow.next, session };
  }

  redirectUri(): string {
    return new URL('/api/auth/sso/callback', this.config.PUBLIC_URL).toString();
  }

  private async join(organizationId: string, provider: OidcProviderRow, email: string, identity: VerifiedIdentity): Promise<string> {
    const user = await this.repository
      .createUser({
        organizationId,
        email,
        name: identity.name ?? email.slice(0, email.indexOf('@')),
        role: provider.defaultRole,
        // Nobody knows this password: people who joined through the provider sign in through it.
        passwordHash: await hash(randomToken()),
      })
      .catch(async (error: unknown) => {
        // Two first sign-ins racing (two tabs): the one that lost signs in as the member the other created.
        const winner = (error as { code?: string }).code === 'P2002' ? await this.repository.findUserByEmail(email) : null;
        if (winner?.organizationId === organizationId && !winner.disabledAt) return { id: winner.id, raced: true };
        throw error;
      });
    if ('raced' in user) return user.id;
    await this.audit.record(organizationId, user.id, 'member.joined', { type: 'User', id: user.id }, { via: 'oidc', role: provider.defaultRole });
    return user.id;
  }

  private async refuse(organizationId: string, code: SsoErrorCode, reason: string, data: Record<string, string>): Promise<Redirect> {
    await this.audit.record(organizationId, null, 'auth.sso_refused', { type: 'Organization', id: organizationId }, { reason, ...data });
    return toLogin(code);
  }

  private connection(provider: OidcProviderRow): ProviderConnection {
    return {
      organizationId: provider.organizationId,
      issuerUrl: provider.issuerUrl,
      clientId: provider.clientId,
      clientSecret: this.secrets.open(provider.clientSecretSealed, provider.organizationId),
      updatedAt: provider.updatedAt,
    };
  }
}

function startUrl(slug: string, next?: string, loginHint?: string): string {
  const query = new URLSearchParams({ org: slug });
  if (next && safeNext(next) !== '/') query.set('next', safeNext(next));
  if (loginHint) query.set('login_hint', loginHint);
  return `/api/auth/sso/start?${query}`;
}

function toLogin(code: SsoErrorCode): Redirect {
  return { location: `/login?error=${code}` };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown; error?: unknown })?.error ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code.slice(0, 60) : 'unknown';
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'));
}
