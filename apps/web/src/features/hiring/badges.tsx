import { Badge } from '@mantine/core';
import type { AssessmentStatus, InvitationKind } from '@takehome/contracts';
import { kindLabels, stageColor, stageLabel, statusColors, statusLabels } from './format';

export const StatusBadge = ({ status, size = 'md' }: { status: AssessmentStatus; size?: 'md' | 'lg' }) => (
  <Badge color={statusColors[status]} variant="light" size={size}>
    {statusLabels[status]}
  </Badge>
);

export const StageBadge = ({ stage }: { stage: string }) => (
  <Badge color={stageColor(stage)} variant="light">
    {stageLabel(stage)}
  </Badge>
);

export const KindBadge = ({ kind }: { kind: InvitationKind }) => (
  <Badge color={kind === 'PILOT' ? 'violet' : 'blue'} variant="outline">
    {kindLabels[kind]}
  </Badge>
);
