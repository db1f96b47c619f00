import { type LineCommentInput, lineCommentView, type UpdateLineCommentRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../api/http';
import { queryKeys } from '../../../hooks/query-keys';

const base = (submissionId: string) => `/api/reviews/submissions/${submissionId}/comments`;

export const useLineComments = (submissionId: string) =>
  useQuery({ queryKey: queryKeys.reviewComments(submissionId), queryFn: () => request(z.array(lineCommentView), base(submissionId)) });

export function useLineCommentMutations(submissionId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: queryKeys.reviewComments(submissionId) });
  return {
    create: useMutation({ mutationFn: (body: LineCommentInput) => request(lineCommentView, base(submissionId), { method: 'POST', json: body }), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateLineCommentRequest }) =>
        request(lineCommentView, `${base(submissionId)}/${id}`, { method: 'PATCH', json: body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => request(z.unknown(), `${base(submissionId)}/${id}`, { method: 'DELETE' }), onSuccess }),
  };
}
