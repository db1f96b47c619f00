import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

/** The lead's home page: a read-only view over reviews, feedback, pilots and runs. */
@Module({
  controllers: [HomeController],
  providers: [HomeRepository, HomeService],
})
export class HomeModule {}
