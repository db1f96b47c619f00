import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import { type AuditFilterValues, fetchAuditActors, fetchAuditPage } from '../api/audit';

/** Newest first; each "load more" follows the previous page's cursor, so new events never shift what is shown. */
export const useAuditEvents = (filters: AuditFilterValues) =>
  useInfiniteQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useAuditActors = () => useQuery({ queryKey: queryKeys.auditActors(), queryFn: fetchAuditActors, staleTime: 60_000 });
