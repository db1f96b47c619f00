import { Injectable } from '@nestjs/common';
import type { AssessmentAnalytics, InvitationKind, SessionUser } from '@takehome/contracts';
import { InvitationsService } from './invitations.service';
import { analyticsOf } from './pipeline-analytics';

/** Computed from the dashboard's own rows, so the numbers always agree with what the lead sees there. */
@Injectable()
export class AnalyticsService {
  constructor(private readonly invitations: InvitationsService) {}

  async analytics(viewer: SessionUser, assessmentId: string, kind: InvitationKind): Promise<AssessmentAnalytics> {
    const { rows } = await this.invitations.rows(viewer, assessmentId, { kind });
    return analyticsOf(kind, rows);
  }
}
