import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI UI at /api/docs and the JSON document at /api/docs-json. */
export function setupOpenApi(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Takehome API')
    .setDescription('Take-home assessments for backend hiring: challenges, assessments, attempts, runs, reviews.')
    .setVersion('0.1.0')
    .addCookieAuth('takehome_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
