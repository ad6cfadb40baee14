import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@lc/platform/server';

/** Where modules/livechat/widget/build.mjs writes the bundle: dist/widget, from dist/server or the sources. */
const WIDGET_DIR = [resolve(__dirname, '../../../../widget'), resolve(__dirname, '../../../dist/widget')].find((dir) => existsSync(dir)) ?? resolve(__dirname, '../../../dist/widget');

/** The embeddable widget script and the demo website (the site root while livechat is enabled). */
@ApiExcludeController()
@Public()
@Controller('livechat')
export class WidgetController {
  @Get('widget.js')
  widget(@Res() res: Response): void {
    this.send(res, 'widget.js', 'application/javascript; charset=utf-8');
  }

  @Get('demo')
  demo(@Res() res: Response): void {
    this.send(res, 'demo.html', 'text/html; charset=utf-8');
  }

  private send(res: Response, file: string, type: string): void {
    const path = join(WIDGET_DIR, file);
    if (!existsSync(path)) throw new NotFoundException(`${file} is not built: run npm run build`);
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.sendFile(path);
  }
}
