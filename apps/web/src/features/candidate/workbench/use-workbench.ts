import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import { fetchOwnTests, fetchVisibleTestCode } from './workbench-api';

export function useOwnTests() {
  return useQuery({ queryKey: queryKeys.candidateOwnTests(), queryFn: fetchOwnTests, retry: false });
}

/** The visible tests never change during an attempt: loaded once. */
export function useVisibleTestCode() {
  return useQuery({ queryKey: queryKeys.candidateTestCode(), queryFn: fetchVisibleTestCode, retry: false, staleTime: Infinity });
}
