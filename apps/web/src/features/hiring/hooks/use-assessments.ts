import type { AssessmentStatus, CreateAssessmentRequest, UpdateAssessmentRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import { createAssessment, fetchAssessment, fetchAssessments, transitionAssessment, updateAssessment } from '../api/assessments';

export const useAssessments = () => useQuery({ queryKey: queryKeys.assessments(), queryFn: fetchAssessments });
export const useAssessment = (id: string) => useQuery({ queryKey: queryKeys.assessment(id), queryFn: () => fetchAssessment(id) });

/** Every assessment query sits under 'assessments': a change to one refreshes its tabs and the list's counts. */
export function useInvalidateAssessments() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.assessments() });
}

export function useCreateAssessment() {
  const invalidate = useInvalidateAssessments();
  return useMutation({ mutationFn: (body: CreateAssessmentRequest) => createAssessment(body), onSuccess: invalidate });
}

export function useUpdateAssessment(id: string) {
  const invalidate = useInvalidateAssessments();
  return useMutation({ mutationFn: (body: UpdateAssessmentRequest) => updateAssessment(id, body), onSuccess: invalidate });
}

export function useTransitionAssessment(id: string) {
  const invalidate = useInvalidateAssessments();
  return useMutation({
    mutationFn: (to: AssessmentStatus) => transitionAssessment(id, to),
    onSuccess: invalidate,
  });
}
