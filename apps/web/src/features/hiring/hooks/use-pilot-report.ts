import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import { fetchCandidateReport, fetchPilotReport } from '../api/pilots';

/** The pilot report follows teammates as they finish, so it polls; once live it is history and stays put. */
export const usePilotReport = (id: string, live: boolean) =>
  useQuery({ queryKey: queryKeys.pilotReport(id), queryFn: () => fetchPilotReport(id), refetchInterval: live ? 10_000 : false });

export const useCandidateReport = (id: string, invitationId: string) =>
  useQuery({ queryKey: queryKeys.candidateReport(id, invitationId), queryFn: () => fetchCandidateReport(id, invitationId) });
