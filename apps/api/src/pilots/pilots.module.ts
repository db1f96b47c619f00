import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PilotsController } from './pilots.controller';
import { PilotsRepository } from './pilots.repository';
import { PilotsService } from './pilots.service';

/** Piloting an assessment on the team, and the baseline it leaves for every candidate's report. */
@Module({
  imports: [AuditModule],
  controllers: [PilotsController],
  providers: [PilotsRepository, PilotsService],
  exports: [PilotsService],
})
export class PilotsModule {}
