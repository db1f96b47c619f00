import { Module } from '@nestjs/common';
import { CandidateSessionsController } from './candidate-sessions.controller';
import { CandidateSessionsRepository } from './candidate-sessions.repository';
import { CandidateSessionsService } from './candidate-sessions.service';

/**
 * Candidate sessions: the candidate's way in. An invitation link is exchanged for a session cookie bound to one
 * invitation, and each candidate request is authenticated against it. (Invitations themselves live in pipeline/.)
 */
@Module({
  controllers: [CandidateSessionsController],
  providers: [CandidateSessionsRepository, CandidateSessionsService],
  exports: [CandidateSessionsService],
})
export class CandidateSessionsModule {}
