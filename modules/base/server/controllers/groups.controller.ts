import { ApiRoute } from '@lc/platform/server';
import { Controller, Get } from '@nestjs/common';
import { GroupCatalog, type GroupInfo } from '@lc/platform';

/** The groups the modules declare (any signed-in user: labels for My Profile; the user form of Settings → Users). */
@Controller('api/groups')
export class GroupsController {
  constructor(private readonly groups: GroupCatalog) {}

  @ApiRoute('The groups the enabled modules declare', { returns: ['GroupInfo'] })
  @Get()
  list(): GroupInfo[] {
    return this.groups.list();
  }
}
