import { Badge } from '@mantine/core';
import type { VerificationStatus } from '@takehome/contracts';

const looks: Record<VerificationStatus, { color: string; label: string }> = {
  verified: { color: 'teal', label: 'Verified' },
  running: { color: 'blue', label: 'Verifying' },
  failed: { color: 'red', label: 'Verification failed' },
  unverified: { color: 'gray', label: 'Not verified' },
};

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const { color, label } = looks[status];
  return (
    <Badge color={color} variant={status === 'verified' ? 'filled' : 'light'} aria-label={`Verification: ${label}`}>
      {label}
    </Badge>
  );
}
