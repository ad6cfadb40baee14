import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiRoute, type AuthUser, CurrentUser, IdParam, RequireGroups } from '@lc/platform/server';
import { CannedResponsesService } from './canned-responses.service';
import { CreateCannedResponseRequest, UpdateCannedResponseRequest, type CannedResponseItem } from './dto';

/** Its schema comes from dto.ts (schemas.generated.json, scripts/gen-protocol-schemas.mjs). */
const CANNED_RESPONSE = { $ref: '#/components/schemas/CannedResponseItem' };

/** Live chat operators manage their own canned responses, managers everyone's; other users get 403. */
@RequireGroups('livechat_operator')
@Controller('api/canned-responses')
export class CannedResponsesController {
  constructor(private readonly responses: CannedResponsesService) {}

  @ApiRoute('Your canned responses', { returns: { type: 'array', items: CANNED_RESPONSE } })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<CannedResponseItem[]> {
    return this.responses.list(user);
  }

  @ApiRoute('One of your canned responses', { returns: CANNED_RESPONSE })
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<CannedResponseItem> {
    return this.responses.get(user, id);
  }

  @ApiRoute('Create a canned response', { status: 201, returns: CANNED_RESPONSE, errors: { 409: 'You already have this shortcut' } })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCannedResponseRequest): Promise<CannedResponseItem> {
    return this.responses.create(user, body);
  }

  @ApiRoute('Change a canned response', { returns: CANNED_RESPONSE, errors: { 409: 'You already have this shortcut' } })
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: UpdateCannedResponseRequest): Promise<CannedResponseItem> {
    return this.responses.update(user, id, body);
  }

  @ApiRoute('Delete a canned response', { status: 204 })
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<void> {
    return this.responses.remove(user, id);
  }
}
