import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, ModuleRegistry, type AuthUser } from '@lc/platform/server';
import type { MenuNode } from '@lc/protocol';
import { menuTree } from '../menus';

@ApiTags('menus')
@Controller('api/menus')
export class MenusController {
  constructor(private readonly registry: ModuleRegistry) {}

  @Get()
  menus(@CurrentUser() user: AuthUser): MenuNode[] {
    return menuTree(this.registry.manifests(), (name) => this.registry.isEnabled(name), user.groups);
  }
}
