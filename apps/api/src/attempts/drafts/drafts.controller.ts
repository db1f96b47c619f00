import { Body, Controller, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type DeleteDraftFileRequest,
  deleteDraftFileRequest,
  type RenameDraftFileRequest,
  renameDraftFileRequest,
  savedDraftFile,
  type SaveDraftFileRequest,
  saveDraftFileRequest,
} from '@takehome/contracts';
import { Public } from '../../auth/auth.decorators';
import { ZodPipe } from '../../common/zod-body.pipe';
import { openApiSchema } from '../../openapi/zod-openapi';
import { type CandidateContext, CurrentCandidate } from '../candidate/candidate-context';
import { CandidateSessionGuard } from '../candidate/candidate-session.guard';
import type { LiveSessionForSave } from '../../candidate-sessions/candidate-sessions.repository';
import { AutosaveSessionGuard, CurrentAutosave } from './autosave-session.guard';
import { DraftsService } from './drafts.service';

@ApiTags('candidate')
@Public()
@ApiBadRequestResponse({ description: 'A path with "..", a leading "/", a backslash or NUL; or a size or count limit' })
@ApiConflictResponse({ description: 'Stale revision ("stale_revision"), name taken ("file_exists"), or the attempt is closed' })
@Controller('candidate/files')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  // The autosave target: its own guard reads the session, the attempt and the file in one statement.
  @Put()
  @UseGuards(AutosaveSessionGuard)
  @ApiOperation({ summary: 'Save (or create, with baseRevision null) one file; the autosave target' })
  @ApiOkResponse({ schema: openApiSchema(savedDraftFile) })
  save(@CurrentAutosave() session: LiveSessionForSave, @Body(new ZodPipe(saveDraftFileRequest)) body: SaveDraftFileRequest) {
    return this.drafts.autosave(session, body);
  }

  @Post('rename')
  @UseGuards(CandidateSessionGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename or move one file' })
  @ApiOkResponse({ schema: openApiSchema(savedDraftFile) })
  rename(@CurrentCandidate() c: CandidateContext, @Body(new ZodPipe(renameDraftFileRequest)) body: RenameDraftFileRequest) {
    return this.drafts.rename(c.invitation, body);
  }

  @Post('delete')
  @UseGuards(CandidateSessionGuard)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one file' })
  async remove(@CurrentCandidate() c: CandidateContext, @Body(new ZodPipe(deleteDraftFileRequest)) body: DeleteDraftFileRequest) {
    await this.drafts.remove(c.invitation, body);
  }
}
