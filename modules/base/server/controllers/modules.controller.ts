import { BadRequestException, Controller, Get, HttpCode, Param, Post, type PipeTransform } from '@nestjs/common';
import { MODULE_NAME_PATTERN } from '@lc/platform';
import { ApiRoute, ModuleRegistry, RequireGroups } from '@lc/platform/server';
import type { DisableImpact, ModuleInfo } from '@lc/protocol';

/** A module name is lower_snake_case (the manifest's rule): anything else is a 400, an unknown name a 404. */
class ModuleNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 64 || !MODULE_NAME_PATTERN.test(value)) throw new BadRequestException('name must be a module name (lower_snake_case)');
    return value;
  }
}
const ModuleName = () => Param('name', new ModuleNamePipe());

@Controller('api/modules')
export class ModulesController {
  constructor(private readonly registry: ModuleRegistry) {}

  @ApiRoute('Every module, enabled or not', { returns: ['ModuleInfo'] })
  @Get()
  list(): ModuleInfo[] {
    return this.registry.manifests().map((m) => this.info(m.name));
  }

  /** What disabling would stop, for the confirmation in Apps; 409 when disabling would be refused. */
  @RequireGroups('admin')
  @ApiRoute('What disabling a module would also disable', { returns: 'DisableImpact', errors: { 409: 'base, or a module an enabled module depends on: it cannot be disabled' } })
  @Get(':name/disable-impact')
  async disableImpact(@ModuleName() name: string): Promise<DisableImpact> {
    return { consequences: await this.registry.disableImpact(name) };
  }

  @RequireGroups('admin')
  @ApiRoute('Enable a module and its dependencies', { returns: 'ModuleInfo' })
  @Post(':name/enable')
  @HttpCode(200)
  async enable(@ModuleName() name: string): Promise<ModuleInfo> {
    await this.registry.enable(name);
    return this.info(name);
  }

  @RequireGroups('admin')
  @ApiRoute('Disable a module: its routes answer 404 and its events are ignored at once; its data stays', { returns: 'ModuleInfo', errors: { 409: 'base, or a module an enabled module depends on' } })
  @Post(':name/disable')
  @HttpCode(200)
  async disable(@ModuleName() name: string): Promise<ModuleInfo> {
    await this.registry.disable(name);
    return this.info(name);
  }

  private info(name: string): ModuleInfo {
    const m = this.registry.manifests().find((manifest) => manifest.name === name)!;
    return { name: m.name, label: m.label, summary: m.summary, depends: m.depends, application: m.application, enabled: this.registry.isEnabled(m.name), required: !!m.required };
  }
}
