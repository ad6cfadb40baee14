import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { CannedResponsesController } from './canned-responses.controller';
import { CannedResponsesService } from './canned-responses.service';
import { CannedResponse } from './entities';
import { CreateCannedResponsesTables1764000000700 } from './migrations/create-canned-responses-tables';

/** Canned responses, written only against libs/platform and libs/protocol: the host wires the rest. */
@PlatformModule({
  imports: [TypeOrmModule.forFeature([CannedResponse])],
  entities: [CannedResponse],
  migrations: [CreateCannedResponsesTables1764000000700],
  controllers: [CannedResponsesController],
  providers: [CannedResponsesService],
})
export default class CannedResponsesModule {}
