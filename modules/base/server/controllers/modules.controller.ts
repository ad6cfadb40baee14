import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ModuleRegistry, RequireGroups } from '@lc/platform/server';
import type { ModuleInfo } from '@lc/protocol';

@ApiTags('modules')
@Controller('api/modules')
export class ModulesController {
  constructor(private readonly registry: ModuleRegistry) {}

  @Get()
  list(): ModuleInfo[] {
    return this.registry.manifests().map((m) => this.info(m.name));
  }

  @RequireGroups('admin')
  @Post(':name/enable')
  @HttpCode(200)
  async enable(@Param('name') name: string): Promise<ModuleInfo> {
    await this.registry.enable(name);
    return this.info(name);
  }

  @RequireGroups('admin')
  @Post(':name/disable')
  @HttpCode(200)
  async disable(@Param('name') name: string): Promise<ModuleInfo> {
    await this.registry.disable(name);
    return this.info(name);
  }

  private info(name: string): ModuleInfo {
    const m = this.registry.manifests().find((manifest) => manifest.name === name)!;
    return { name: m.name, label: m.label, summary: m.summary, depends: m.depends, application: m.application, enabled: this.registry.isEnabled(m.name) };
  }
}
