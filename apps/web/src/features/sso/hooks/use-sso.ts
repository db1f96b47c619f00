import type { SaveOidcProviderRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { discoverSso, fetchSsoOrganization, fetchSsoSettings, removeSsoSettings, saveSsoSettings } from '../api/sso';

export const ssoKeys = {
  settings: () => ['sso', 'settings'] as const,
  organization: (slug: string) => ['sso', 'organization', slug] as const,
  discovery: (email: string, next: string) => ['sso', 'discovery', email, next] as const,
};

export const useSsoSettings = () => useQuery({ queryKey: ssoKeys.settings(), queryFn: fetchSsoSettings });

export const useSsoOrganization = (slug: string | null) =>
  useQuery({ queryKey: ssoKeys.organization(slug ?? ''), queryFn: () => fetchSsoOrganization(slug!), enabled: !!slug, staleTime: 5 * 60_000 });

export function useSaveSsoSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveOidcProviderRequest) => saveSsoSettings(body),
    onSuccess: (data) => client.setQueryData(ssoKeys.settings(), data),
  });
}

export function useRemoveSsoSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: removeSsoSettings, onSuccess: () => client.invalidateQueries({ queryKey: ssoKeys.settings() }) });
}

export const useDiscoverSso = () => useMutation({ mutationFn: discoverSso });

/** Where an address signs in, looked up as soon as it is known (after a refused password login). */
export const useSsoDiscovery = (email: string | undefined, next: string) =>
  useQuery({ queryKey: ssoKeys.discovery(email ?? '', next), queryFn: () => discoverSso({ email: email!, next }), enabled: !!email });
