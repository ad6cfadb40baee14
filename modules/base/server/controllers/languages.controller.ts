import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiRoute, RequireGroups } from '@lc/platform/server';
import type { Language } from '@lc/protocol';
import { LanguagesService } from '../languages.service';

@Controller('api/languages')
export class LanguagesController {
  constructor(private readonly languages: LanguagesService) {}

  @ApiRoute('Every language, enabled or not', { returns: ['Language'] })
  @Get()
  list(): Promise<Language[]> {
    return this.languages.list();
  }

  @RequireGroups('admin')
  @ApiRoute('Enable a language', { returns: 'Language' })
  @Post(':code/enable')
  @HttpCode(200)
  enable(@Param('code') code: string): Promise<Language> {
    return this.languages.setEnabled(code, true);
  }

  @RequireGroups('admin')
  @ApiRoute('Disable a language', { returns: 'Language', errors: { 409: 'en-US cannot be disabled' } })
  @Post(':code/disable')
  @HttpCode(200)
  disable(@Param('code') code: string): Promise<Language> {
    return this.languages.setEnabled(code, false);
  }
}
