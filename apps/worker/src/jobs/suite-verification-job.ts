import { JobName, type SuiteVerificationJobPayload } from '@takehome/jobs';
import type { SuiteVerifier } from '../suite-verifications/suite-verifier';
import type { JobHandler } from './job-handler';

export class VerifySuitesJob implements JobHandler<typeof JobName.VerifySuites> {
  readonly name = JobName.VerifySuites;
  constructor(private readonly verifier: SuiteVerifier) {}
  handle(payload: SuiteVerificationJobPayload) {
    return this.verifier.execute(payload.suiteVerificationId);
  }
}
