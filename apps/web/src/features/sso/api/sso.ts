import { type SaveOidcProviderRequest, type SsoDiscoverRequest, ssoDiscoverResponse, ssoOrganizationView, ssoSettingsView } from '@takehome/contracts';
import { z } from 'zod';
import { ApiError, request } from '../../../api/http';

export const fetchSsoSettings = () => request(ssoSettingsView, '/api/organization/sso');
export const saveSsoSettings = (body: SaveOidcProviderRequest) => request(ssoSettingsView, '/api/organization/sso', { method: 'PUT', json: body });
// 204 has no body; the schema accepts the undefined that request() reads from it.
export const removeSsoSettings = () => request(z.undefined(), '/api/organization/sso', { method: 'DELETE' });

export const discoverSso = (body: SsoDiscoverRequest) => request(ssoDiscoverResponse, '/api/auth/sso/discover', { method: 'POST', json: body });

/** The organization's provider for its direct link, or null when it has none. */
export async function fetchSsoOrganization(slug: string) {
  try {
    return await request(ssoOrganizationView, `/api/auth/sso/organizations/${encodeURIComponent(slug)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
