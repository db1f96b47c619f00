import './zod-jitless';
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/http';
import { router } from './app/router';
import { handleUnauthorized } from './app/session-expiry';
import { cssVariablesResolver, theme } from './app/theme';

const toLogin = (next: string) => router.navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
const queryClient: QueryClient = new QueryClient({
  // A 401 is not worth retrying: the session is gone until the person signs in again.
  defaultOptions: { queries: { retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status === 401), refetchOnWindowFocus: false } },
  queryCache: new QueryCache({ onError: (error) => handleUnauthorized(queryClient, error, toLogin) }),
  mutationCache: new MutationCache({ onError: (error) => handleUnauthorized(queryClient, error, toLogin) }),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
