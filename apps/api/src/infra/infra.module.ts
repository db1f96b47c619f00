import { Global, Module } from '@nestjs/common';
import { DockerService } from './docker.service';
import { RedisService } from './redis.service';

@Global()
@Module({ providers: [RedisService, DockerService], exports: [RedisService, DockerService] })
export class InfraModule {}
