import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { sendError } from './http-error';
import { jsonTooDeep, payloadProblem } from './payload-guard';

/** Largest API request body (a 4,000-character message with room to spare). */
export const MAX_BODY_BYTES = 64 * 1024;

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * Request bodies under /api are JSON only (415 otherwise): a browser sends form-encoded, multipart and
 * text/plain bodies from any page without a CORS preflight, so accepting them is what let a form on
 * another site write here. Then the parsed body (and the URL) pass the payload guard: 400, nothing written.
 */
export function jsonBodiesOnly(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES, verify: refuseDeepJson });
  return (req: Request, res: Response, next: NextFunction) => {
    // %00 in a path or query reaches route parameters and filters as a NUL character.
    if (/%00/i.test(req.url)) return sendError(res, 400, 'Bad Request', 'NUL characters (%00) are not allowed in the URL');
    if (!hasBody(req)) return next();
    if (!req.is('application/json')) return sendError(res, 415, 'Unsupported Media Type', `Request bodies must be JSON (Content-Type: application/json), not ${req.headers['content-type'] ?? 'untyped'}`);
    parse(req, res, (error?: unknown) => {
      if (error) {
        const { status = 400, message = 'Malformed JSON body' } = error as { status?: number; message?: string };
        return sendError(res, status, status === 413 ? 'Payload Too Large' : 'Bad Request', status === 400 && !(error as { expose?: boolean }).expose ? 'Malformed JSON body' : message);
      }
      const problem = payloadProblem(req.body);
      if (problem) return sendError(res, 400, 'Bad Request', [problem]);
      next();
    });
  };
}

function refuseDeepJson(_req: unknown, _res: unknown, buffer: Buffer): void {
  if (jsonTooDeep(buffer)) throw Object.assign(new Error('JSON nested too deep'), { status: 400, expose: true });
}
