import { QueryClient } from '@tanstack/react-query';

/**
 * Report calls count against the token's daily quota and wolkvox runs at most
 * two at once: no refetch on focus, no automatic retries here (the loader
 * decides what is worth retrying).
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: false,
        gcTime: 10 * 60_000,
      },
    },
  });
}
