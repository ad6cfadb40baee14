import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { TooManyRequestsException } from '@lc/platform/server';

/** Every 429 says when to try again (`Retry-After`, in seconds), so that clients back off instead of hammering. */
@Catch(TooManyRequestsException)
export class RetryAfterFilter extends BaseExceptionFilter {
  override catch(exception: TooManyRequestsException, host: ArgumentsHost): void {
    if (host.getType() === 'http') host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(exception.retryAfterS));
    super.catch(exception, host);
  }
}
