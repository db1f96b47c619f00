import { Injectable } from '@nestjs/common';
import type { VisibleTestCode } from '@takehome/contracts';
import { ChallengePackages } from '../../challenges/challenge-packages';
import type { CandidateInvitation } from '../candidate/candidate-context';

/**
 * The visible suite's code, read-only, from the version the candidate's assessment uses. Only the visible
 * suite's files are read (pkg.tests.visible); the hidden suite is never touched here. A visible suite that
 * hides some of its own tests (per-test or default visibility other than "visible") is not shown at all,
 * because its code would reveal what its results hide.
 */
@Injectable()
export class VisibleTestCodeService {
  constructor(private readonly packages: ChallengePackages) {}

  async get(invitation: CandidateInvitation): Promise<VisibleTestCode> {
    if (!invitation.attempt) return { available: false, reason: 'Start the assessment to read the visible tests.' };
    const pkg = await this.packages.get(invitation.assessment.challengeVersionId);
    const suite = pkg.manifest.suites.visible;
    const hidesSome =
      suite.defaultVisibility !== 'visible' || Object.values(suite.tests ?? {}).some((t) => t.visibility !== undefined && t.visibility !== 'visible');
    if (hidesSome) return { available: false, reason: 'Some of this challenge’s visible-suite tests are not shown to candidates, so their code is not shown either.' };
    const files = Object.entries(pkg.tests.visible ?? {})
      .map(([path, content]) => ({ path, content }))
      .sort((a, b) => a.path.localeCompare(b.path));
    return { available: true, files };
  }
}
