import { Injectable } from '@nestjs/common';
import Docker from 'dockerode';

@Injectable()
export class DockerService {
  // dockerode reads DOCKER_HOST itself and falls back to the local socket, which is exactly our rule.
  readonly client = new Docker();
}
