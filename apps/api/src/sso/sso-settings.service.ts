import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { OidcProviderView, saveOidcProviderRequest, SessionUser, SsoSettingsView } from '@takehome/contracts';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { OidcClient, ProviderUnavailableError } from './oidc-client';
import { type OidcProviderRow, SsoRepository } from './sso.repository';
import { SsoSecrets } from './sso-secrets';

type SaveOidcProvider = z.output<typeof saveOidcProviderRequest>;

/** An admin's view and edits of the organization's OpenID Connect provider; the secret only ever goes in. */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly repository: SsoRepository,
    private readonly secrets: SsoSecrets,
    private readonly client: OidcClient,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async get(user: SessionUser): Promise<SsoSettingsView> {
    const provider = await this.repository.findProvider(user.organization.id);
    return {
      provider: provider ? toView(provider) : null,
      redirectUri: new URL('/api/auth/sso/callback', this.config.PUBLIC_URL).toString(),
      loginUrl: new URL(`/login?org=${encodeURIComponent(user.organization.slug)}`, this.config.PUBLIC_URL).toString(),
      encryptionKeyConfigured: this.secrets.configured,
    };
  }

  async save(user: SessionUser, input: SaveOidcProvider): Promise<SsoSettingsView> {
    const organizationId = user.organization.id;
    // First: without the key nothing else matters, and the admin is told which variable to set.
    this.secrets.assertConfigured();
    const existing = await this.repository.findProvider(organizationId);
    if (!existing && !input.clientSecret) throw invalid('clientSecret', 'is required');
    const sealed = input.clientSecret ? this.secrets.seal(input.clientSecret, organizationId) : existing!.clientSecretSealed;
    if (this.client.insecureIssuerRefused(input.issuerUrl)) {
      throw invalid('issuerUrl', 'must be an https:// URL (http is accepted only outside production, or with OIDC_ALLOW_INSECURE_ISSUERS)');
    }
    const claim = await this.repository.findDomainClaim(input.allowedDomains, organizationId);
    if (claim) {
      const taken = input.allowedDomains.filter((d) => claim.allowedDomains.includes(d));
      throw new ConflictException({
        message: `allowedDomains: ${taken.join(', ')} already belongs to another organization's single sign-on.`,
        issues: [{ path: 'allowedDomains', message: `${taken.join(', ')} already belongs to another organization` }],
      });
    }
    const connectionChanged =
      !existing || existing.issuerUrl !== input.issuerUrl || existing.clientId !== input.clientId || (!!input.clientSecret && this.secretChanged(existing, input.clientSecret));
    this.assertPasswordSwitchIsSafe(existing, input, connectionChanged);
    if (!existing || existing.issuerUrl !== input.issuerUrl) await this.assertIssuerAnswers(input.issuerUrl, input.clientId);

    const saved = await this.repository.saveProvider(organizationId, {
      displayName: input.displayName,
      issuerUrl: input.issuerUrl,
      clientId: input.clientId,
      clientSecretSealed: sealed,
      allowedDomains: input.allowedDomains,
      joinPolicy: input.joinPolicy,
      defaultRole: input.defaultRole,
      passwordSignInDisabled: input.passwordSignInDisabled,
      verifiedAt: connectionChanged ? null : existing.verifiedAt,
    });
    this.client.forget(organizationId);
    // The view never carries the secret, so it is safe to keep as the record of what was set.
    await this.audit.record(organizationId, user.id, 'sso.configured', { type: 'Organization', id: organizationId }, { ...toView(saved), secretChanged: !!input.clientSecret });
    return this.get(user);
  }

  async remove(user: SessionUser): Promise<void> {
    const organizationId = user.organization.id;
    if (!(await this.repository.deleteProvider(organizationId))) throw new NotFoundException('No single sign-on provider is configured.');
    this.client.forget(organizationId);
    await this.audit.record(organizationId, user.id, 'sso.removed', { type: 'Organization', id: organizationId }, {});
  }

  /**
   * Switching password sign-in off must not lock the organization out: only once the provider is saved and a
   * sign-in through exactly these settings has worked, and never together with a change to the connection.
   */
  private assertPasswordSwitchIsSafe(existing: OidcProviderRow | null, input: SaveOidcProvider, connectionChanged: boolean) {
    if (!input.passwordSignInDisabled) return;
    const refuse = (message: string) => {
      throw new ConflictException({ message: `passwordSignInDisabled: ${message}`, issues: [{ path: 'passwordSignInDisabled', message }], code: 'sso_not_verified' });
    };
    if (!existing) refuse('save the provider and sign in with it once before switching password sign-in off');
    else if (connectionChanged) refuse('keep password sign-in on while changing the issuer, client id or secret; switch it off once a sign-in through the new settings has worked');
    else if (!existing.verifiedAt) refuse('sign in with the provider once successfully before switching password sign-in off, so a mistake in the settings cannot lock everyone out');
  }

  private async assertIssuerAnswers(issuerUrl: string, clientId: string) {
    try {
      await this.client.check(issuerUrl, clientId);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      throw invalid('issuerUrl', `no OpenID provider answered at ${issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`);
    }
  }

  private secretChanged(existing: OidcProviderRow, secret: string): boolean {
    try {
      return this.secrets.open(existing.clientSecretSealed, existing.organizationId) !== secret;
    } catch {
      return true;
    }
  }
}

function toView(row: OidcProviderRow): OidcProviderView {
  return {
    displayName: row.displayName,
    issuerUrl: row.issuerUrl,
    clientId: row.clientId,
    hasClientSecret: row.clientSecretSealed.length > 0,
    allowedDomains: row.allowedDomains,
    joinPolicy: row.joinPolicy,
    defaultRole: row.defaultRole === 'HIRING_LEAD' ? 'HIRING_LEAD' : 'REVIEWER',
    passwordSignInDisabled: row.passwordSignInDisabled,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function invalid(path: string, message: string) {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${path}: ${message}`, issues: [{ path, message }] });
}
