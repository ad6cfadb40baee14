import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, IdParam, RequireGroups, type AuthUser } from '@lc/platform/server';
import { CannedResponsesService } from './canned-responses.service';
import { CreateCannedResponseRequest, UpdateCannedResponseRequest, type CannedResponseItem } from './dto';

/** Live chat operators manage their own canned responses, managers everyone's; other users get 403. */
@ApiTags('canned responses')
@RequireGroups('livechat_operator')
@Controller('api/canned-responses')
export class CannedResponsesController {
  constructor(private readonly responses: CannedResponsesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<CannedResponseItem[]> {
    return this.responses.list(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<CannedResponseItem> {
    return this.responses.get(user, id);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCannedResponseRequest): Promise<CannedResponseItem> {
    return this.responses.create(user, body);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: UpdateCannedResponseRequest): Promise<CannedResponseItem> {
    return this.responses.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.responses.remove(user, id);
  }
}
