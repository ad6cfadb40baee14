import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireGroups } from '@lc/platform/server';
import type { Language } from '@lc/protocol';
import { LanguagesService } from '../languages.service';

@ApiTags('languages')
@Controller('api/languages')
export class LanguagesController {
  constructor(private readonly languages: LanguagesService) {}

  @Get()
  list(): Promise<Language[]> {
    return this.languages.list();
  }

  @RequireGroups('admin')
  @Post(':code/enable')
  @HttpCode(200)
  enable(@Param('code') code: string): Promise<Language> {
    return this.languages.setEnabled(code, true);
  }

  @RequireGroups('admin')
  @Post(':code/disable')
  @HttpCode(200)
  disable(@Param('code') code: string): Promise<Language> {
    return this.languages.setEnabled(code, false);
  }
}
