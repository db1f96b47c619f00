import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from '../api/health';
import { queryKeys } from './query-keys';

export function useHealth() {
  return useQuery({ queryKey: queryKeys.health(), queryFn: fetchHealth, refetchInterval: 10_000 });
}
