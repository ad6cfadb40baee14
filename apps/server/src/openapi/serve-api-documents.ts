import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { dump } from 'js-yaml';
import type { DiscoveredModule } from '../modules-host/discover-modules';
import { OpenApiDocuments } from './openapi-documents';

const documentsOfApp = new WeakMap<INestApplication, OpenApiDocuments>();

/** The documents an application serves (tests validate its answers against them). */
export function openApiDocumentsOf(app: INestApplication): OpenApiDocuments {
  const documents = documentsOfApp.get(app);
  if (!documents) throw new Error('serveApiDocuments() was not called for this application');
  return documents;
}

/**
 * `/api/docs` (Swagger UI), `/api/docs-json`, `/api/docs-yaml` (and `/api/docs/openapi.json`, the first
 * address): the OpenAPI document of the modules enabled at the time of the request; `/api/asyncapi.yaml`:
 * their socket.io events. Public, like the routes they describe: they say nothing a request to them
 * would not (see docs/security.md).
 */
export function serveApiDocuments(app: INestApplication, modules: DiscoveredModule[]): void {
  const documents = new OpenApiDocuments(app, modules);
  documentsOfApp.set(app, documents);
  // Built on request (the modules' state may have changed since the last one); the factory's is a placeholder.
  SwaggerModule.setup('api/docs', app, () => ({ openapi: '3.1.0', info: { title: '', version: '' }, paths: {} }), {
    patchDocumentOnRequest: () => documents.served(),
    customSiteTitle: 'Live chat platform API',
  });
  app.getHttpAdapter().get('/api/docs/openapi.json', async (_req: Request, res: Response) => res.json(await documents.served()));
  app.getHttpAdapter().get('/api/asyncapi.yaml', (req: Request, res: Response) => {
    // Through JSON: the YAML writer refuses what JSON drops (undefined values).
    res.type('text/yaml; charset=utf-8').send(dump(JSON.parse(JSON.stringify(documents.asyncApi(req.get('host') ?? 'localhost'))), { noRefs: true }));
  });
}
