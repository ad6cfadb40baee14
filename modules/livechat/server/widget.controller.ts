import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CACHE_REVALIDATE, PrecompressedFiles, Public, Translations } from '@lc/platform/server';
import { SHIPPED_LANGS, type Lang } from '@lc/protocol';

/** Where modules/livechat/widget/build.mjs writes the bundle: dist/widget, from dist/server or the sources. */
const WIDGET_DIR = [resolve(__dirname, '../../../../widget'), resolve(__dirname, '../../../dist/widget')].find((dir) => existsSync(dir)) ?? resolve(__dirname, '../../../dist/widget');

/** The embeddable widget script and the demo website (the site root while livechat is enabled). */
@ApiExcludeController()
@Public()
@Controller('livechat')
export class WidgetController {
  constructor(private readonly translations: Translations) {}

  /** The widget's words in one shipped language (every module's `widget` and `messages` sections); cacheable. */
  @Get('i18n/:file')
  texts(@Param('file') file: string, @Res() res: Response): void {
    const lang = SHIPPED_LANGS.find((tag) => `${tag}.json` === file);
    if (!lang) throw new NotFoundException(`No widget translations at ${file.slice(0, 40)}`);
    this.crossOrigin(res);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json({ widget: this.translations.section(lang as Lang, 'widget'), messages: this.translations.section(lang as Lang, 'messages') });
  }

  /** Read on first use: the bundle may be built after the server started (then it is read again until present). */
  private files?: PrecompressedFiles;

  @Get('widget.js')
  widget(@Req() req: Request, @Res() res: Response): void {
    this.send(req, res, 'widget.js');
  }

  @Get('demo')
  demo(@Req() req: Request, @Res() res: Response): void {
    this.send(req, res, 'demo.html');
  }

  private send(req: Request, res: Response, file: string): void {
    if (!this.files?.has(file)) this.files = new PrecompressedFiles(WIDGET_DIR, ['widget.js', 'demo.html']);
    if (!this.files.has(file)) throw new NotFoundException(`${file} is not built: run npm run build`);
    this.crossOrigin(res);
    // A fixed URL that websites embed: revalidated on every page view, a 304 (no body) while unchanged.
    this.files.send(req, res, file, CACHE_REVALIDATE);
  }

  /** Loaded by the widget on any website (a <script>, a fetch without credentials). */
  private crossOrigin(res: Response): void {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  }
}
