import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiRoute, APP_CONFIG, schemaOf, type AppConfig, type AuthUser, consumeOrThrow, CurrentUser, RateLimiters, RequireGroups } from '@lc/platform/server';
import { REPORT_GROUP_BYS, REPORT_MAX_DAYS, SessionsReportQuery, type SessionsReport } from '@lc/protocol';
import { reportCsv, reportCsvFilename } from './report-csv';
import { SessionReports } from './session-reports.service';

/** Live Chat → Reporting, for managers: the measures of the sessions of a range, as JSON or CSV. */
@Controller('api/livechat/reports')
export class ReportsController {
  /** Each report aggregates up to a year of sessions: a manager's clicks are far below this, a script is not. */
  private readonly perUser: RateLimiterAbstract;

  constructor(
    private readonly reports: SessionReports,
    @Inject(APP_CONFIG) config: AppConfig,
    limiters: RateLimiters,
  ) {
    this.perUser = limiters.create({ points: config.rateLimits.reportsPerMinute, duration: 60, keyPrefix: 'livechat-reports' });
  }

  @ApiQuery({ name: 'from', required: false, description: `First day, inclusive (YYYY-MM-DD in tz); default: 30 days before to`, example: '2026-11-01' })
  @ApiQuery({ name: 'to', required: false, description: `The day after the last, exclusive, at most ${REPORT_MAX_DAYS} days after from; default: tomorrow`, example: '2026-12-01' })
  @ApiQuery({ name: 'groupBy', required: false, enum: REPORT_GROUP_BYS, description: 'Default: day' })
  @ApiQuery({ name: 'channelId', required: false, type: Number })
  @ApiQuery({ name: 'operatorId', required: false, type: Number })
  @ApiQuery({ name: 'language', required: false, description: "The visitor's language tag", example: 'fr-FR' })
  @ApiQuery({ name: 'tz', required: false, description: 'IANA time zone of the days, weeks and months; default UTC', example: 'Europe/Brussels' })
  @RequireGroups('livechat_manager')
  @ApiRoute('Sessions of a range by day, week, month, operator, channel or language, with their measures (Accept: text/csv for the rows as CSV)', { errors: { 429: 'Too many reports at once; see Retry-After' } })
  @ApiOkResponse({ description: 'The report; its rows as CSV with Accept: text/csv', content: { 'application/json': { schema: schemaOf('SessionsReport') as never }, 'text/csv': { schema: { type: 'string' } } } })
  @Get('sessions')
  async sessions(@CurrentUser() user: AuthUser, @Query() query: SessionsReportQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionsReport | string> {
    await consumeOrThrow(this.perUser, String(user.id), 'livechat.tooManyReports');
    const report = await this.reports.sessions(query);
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') return report;
    response.type('text/csv; charset=utf-8');
    response.attachment(reportCsvFilename(report));
    return reportCsv(report);
  }
}
