import type { Response } from 'express';

/** Answers in Nest's error shape from plain express middleware, which runs before Nest's exception filters. */
export function sendError(res: Response, statusCode: number, error: string, message: string | string[]): void {
  res.status(statusCode).json({ statusCode, message, error });
}
