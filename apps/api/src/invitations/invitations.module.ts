import { Module } from '@nestjs/common';
import { InvitationLinksController } from './invitation-links.controller';
import { InvitationLinksRepository } from './invitation-links.repository';
import { InvitationLinksService } from './invitation-links.service';

/** The candidate's way in: invitation links exchanged for a session cookie bound to one invitation. */
@Module({
  controllers: [InvitationLinksController],
  providers: [InvitationLinksRepository, InvitationLinksService],
  exports: [InvitationLinksService],
})
export class InvitationsModule {}
