import { Inject, Injectable } from '@nestjs/common';
// openid-client v6 is ESM-only; this CommonJS build loads it through Node's require(esm) (Node >= 20.19).
import * as oidc from 'openid-client';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export interface ProviderConnection {
  organizationId: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  // Changes on every save, so a cached connection never outlives the settings it was made from.
  updatedAt: Date;
}

export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** A network failure or a provider that does not answer like an OpenID provider: nothing the user can fix. */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

// Discovery documents and signing keys change rarely; re-reading them at most this often keeps a sign-in to
// two requests to the provider (token, and userinfo when the ID token carries no email).
const CONFIGURATION_TTL_MS = 10 * 60 * 1000;
const REQUEST_TIMEOUT_SECONDS = 5;

/** The certified OpenID client (openid-client) behind the few calls single sign-on needs. */
@Injectable()
export class OidcClient {
  private readonly configurations = new Map<string, { configuration: oidc.Configuration; loadedAt: number }>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Whether the server may talk to this issuer at all (see OIDC_ALLOW_INSECURE_ISSUERS). */
  insecureIssuerRefused(issuerUrl: string): boolean {
    return new URL(issuerUrl).protocol === 'http:' && !this.allowsHttp();
  }

  /** Reads the issuer's discovery document; used when an admin saves, so a typo is caught then. */
  async check(issuerUrl: string, clientId: string): Promise<void> {
    await this.discover({ organizationId: '', issuerUrl, clientId, clientSecret: 'unused', updatedAt: new Date(0) }, false);
  }

  async authorizationUrl(connection: ProviderConnection, redirectUri: string, checks: SignInChecks, loginHint?: string): Promise<URL> {
    const configuration = await this.discover(connection);
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
  }

  /**
   * Exchanges the code (PKCE) and validates the ID token: signature, issuer, audience, expiry and nonce, plus
   * the state against the one this browser started with. Throws the library's error when any check fails.
   */
  async verifyCallback(connection: ProviderConnection, callbackUrl: URL, checks: SignInChecks): Promise<VerifiedIdentity> {
    const configuration = await this.discover(connection);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Providers that follow the spec strictly put scope claims only in userinfo for the code flow.
    const claims = typeof idToken.email === 'string' ? idToken : await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return {
      subject: idToken.sub,
      email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
      // Only a real boolean true counts: a string "true" or a missing claim is not a verified address.
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null,
    };
  }

  forget(organizationId: string): void {
    for (const key of this.configurations.keys()) if (key.startsWith(`${organizationId}|`)) this.configurations.delete(key);
  }

  private async discover(connection: ProviderConnection, cache = true): Promise<oidc.Configuration> {
    const key = `${connection.organizationId}|${connection.updatedAt.getTime()}`;
    const cached = this.configurations.get(key);
    if (cache && cached && Date.now() - cached.loadedAt < CONFIGURATION_TTL_MS) return cached.configuration;
    if (this.insecureIssuerRefused(connection.issuerUrl)) throw new ProviderUnavailableError('http issuers are not allowed');
    try {
      const configuration = await oidc.discovery(new URL(connection.issuerUrl), connection.clientId, undefined, oidc.ClientSecretBasic(connection.clientSecret), {
        timeout: REQUEST_TIMEOUT_SECONDS,
        execute: this.allowsHttp() ? [oidc.allowInsecureRequests] : [],
      });
      if (cache) {
        this.forget(connection.organizationId);
        this.configurations.set(key, { configuration, loadedAt: Date.now() });
      }
      return configuration;
    } catch (error) {
      throw new ProviderUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  // Plain http lets anyone on the network path swap the provider's signing keys and sign in as anybody, so
  // it is only for development and tests, or a deployment that explicitly says its provider is reachable
  // only over a trusted network (OIDC_ALLOW_INSECURE_ISSUERS).
  private allowsHttp(): boolean {
    return this.config.NODE_ENV !== 'production' || this.config.OIDC_ALLOW_INSECURE_ISSUERS;
  }
}
