import { Controller, Get } from '@nestjs/common';
import { ApiRoute, type AuthUser, CurrentUser, ModuleRegistry } from '@lc/platform/server';
import type { MenuNode } from '@lc/protocol';
import { menuTree } from '../menus';

@Controller('api/menus')
export class MenusController {
  constructor(private readonly registry: ModuleRegistry) {}

  @ApiRoute('The menus of the enabled apps this user may see (app, section, action)', { returns: ['MenuNode'] })
  @Get()
  menus(@CurrentUser() user: AuthUser): MenuNode[] {
    return menuTree(this.registry.manifests(), (name) => this.registry.isEnabled(name), user.groups);
  }
}
