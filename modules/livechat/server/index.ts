import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { AssignmentService } from './assignment.service';
import { ChannelsController } from './channels.controller';
import { ChannelsGateway } from './channels.gateway';
import { ChannelsService } from './channels.service';
import { LivechatDemoData } from './demo-data';
import { ChannelOperator, LivechatChannel, LivechatSession, OperatorProfile, PageVisitRecord, VisitorBlockRecord } from './entities';
import { HelpRequests } from './help-requests.service';
import { HelpSignals } from './help-signals';
import { LivechatLifecycle } from './livechat-lifecycle';
import { LivechatSweeper } from './livechat-sweeper';
import { CreateLivechatTables1764000000400 } from './migrations/create-livechat-tables';
import { IndexOperatorAssignments1764000000410 } from './migrations/index-operator-assignments';
import { WidenPageUrl1764000000420 } from './migrations/widen-page-url';
import { MoveOperatorProfiles1764000000430 } from './migrations/move-operator-profiles';
import { AddSessionRatings1764000000460 } from './migrations/add-session-ratings';
import { AddSessionStartKey1764000000440 } from './migrations/add-session-start-key';
import { AddAssignmentSummaryAndCountry1764000000470 } from './migrations/add-assignment-summary-and-country';
import { AddTeamwork1764000000700 } from './migrations/add-teamwork';
import { AddChannelTranslations1764000000900 } from './migrations/add-channel-translations';
import { AddOperatorLoad1764000000950 } from './migrations/add-operator-load';
import { LivechatMailer } from './mailer';
import { OperatorNames } from './operator-names';
import { OperatorProfileUserFields } from './operator-profile-fields';
import { SessionAccess } from './session-access';
import { AddSessionReportFacts1764000000480 } from './migrations/add-session-report-facts';
import { ReportsController } from './reports/reports.controller';
import { SessionReports } from './reports/session-reports.service';
import { SessionFacts } from './session-facts';
import { SessionList } from './session-list.service';
import { SessionMails } from './session-mails';
import { SessionQueue } from './session-queue.service';
import { SessionRatings } from './session-ratings.service';
import { SessionTransfers } from './session-transfers.service';
import { TeamworkController } from './teamwork.controller';
import { TranscriptController } from './transcript.controller';
import { VisitorBlocks } from './visitor-blocks.service';
import { VisitorBridge } from './visitor-bridge';
import { VisitorPages } from './visitor-pages.service';
import { VisitorController } from './visitor.controller';
import { VisitorGateway } from './visitor.gateway';
import { VisitorRateLimits } from './visitor-rate-limits';
import { VisitorSessions } from './visitor-sessions.service';
import { WidgetController } from './widget.controller';

const entities = [LivechatChannel, ChannelOperator, LivechatSession, OperatorProfile, VisitorBlockRecord, PageVisitRecord];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreateLivechatTables1764000000400, IndexOperatorAssignments1764000000410, WidenPageUrl1764000000420, MoveOperatorProfiles1764000000430, AddSessionStartKey1764000000440, AddSessionRatings1764000000460, AddAssignmentSummaryAndCountry1764000000470, AddSessionReportFacts1764000000480, AddTeamwork1764000000700, AddChannelTranslations1764000000900, AddOperatorLoad1764000000950],
  controllers: [ChannelsController, ReportsController, TranscriptController, TeamworkController, VisitorController, WidgetController],
  lifecycle: LivechatLifecycle,
  providers: [SessionFacts, SessionReports, AssignmentService, SessionQueue, SessionList, SessionRatings, VisitorSessions, ChannelsService, VisitorRateLimits, LivechatSweeper, VisitorBridge, VisitorGateway, ChannelsGateway, LivechatDemoData, OperatorNames, OperatorProfileUserFields, LivechatMailer, SessionMails,
    SessionAccess, SessionTransfers, HelpRequests, HelpSignals, VisitorBlocks, VisitorPages,
  ],
})
export default class LivechatModule {}
