import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import { fetchOwnTests, fetchTerminalState, fetchVisibleTestCode } from './workbench-api';

export function useOwnTests() {
  return useQuery({ queryKey: queryKeys.candidateOwnTests(), queryFn: fetchOwnTests, retry: false });
}

/** The visible tests never change during an attempt: loaded once. */
export function useVisibleTestCode() {
  return useQuery({ queryKey: queryKeys.candidateTestCode(), queryFn: fetchVisibleTestCode, retry: false, staleTime: Infinity });
}

export function useTerminalState() {
  return useQuery({ queryKey: queryKeys.candidateTerminal(), queryFn: fetchTerminalState, retry: false });
}
