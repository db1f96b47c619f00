import { Alert } from '@mantine/core';
import type { VerificationStatus } from '@takehome/contracts';

/** Picking a version whose reference solution has not passed its own tests is allowed, but never silently. */
export function VersionWarning({ verification }: { verification: VerificationStatus | undefined }) {
  if (!verification || verification === 'verified') return null;
  const why = {
    unverified: 'has not been verified: nobody has checked that its reference solution passes its own tests',
    running: 'is being verified right now; its result is not in yet',
    failed: 'failed verification: its reference solution does not pass its own tests, so candidates may be graded wrongly',
  }[verification];
  return (
    <Alert color="orange" title="This version is not verified" role="alert">
      This version {why}. Verify it on the Challenges page before inviting candidates.
    </Alert>
  );
}
