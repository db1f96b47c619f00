import { leadHome } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../api/http';
import { queryKeys } from '../../hooks/query-keys';

const fetchLeadHome = () => request(leadHome, '/api/home/lead');
const gradeAgain = (submissionId: string) => request(z.object({ runId: z.string() }), `/api/runs/submissions/${submissionId}/grade-again`, { method: 'POST' });

export const useLeadHome = () => useQuery({ queryKey: queryKeys.leadHome(), queryFn: fetchLeadHome, refetchInterval: 60_000 });

export function useGradeAgain() {
  const client = useQueryClient();
  return useMutation({ mutationFn: gradeAgain, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.leadHome() }) });
}
