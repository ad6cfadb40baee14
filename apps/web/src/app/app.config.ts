import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { ICON_SET, USER_AT_START, WEB_MODULES } from '@lc/platform/web';
import { appRoutes } from './app.routes';
import { httpErrorInterceptor } from './http-error.interceptor';
import { ICON_SET as GENERATED_ICONS } from './icons.generated';
import type { StartedLanguage } from './i18n/start-in-language';
import { WEB_MODULES as COMPILED_MODULES } from './modules.generated';
import { PageTitleStrategy } from './routing/page-title.strategy';

export const appConfig = (start: StartedLanguage): ApplicationConfig => ({
  providers: [
    { provide: LOCALE_ID, useValue: start.lang },
    { provide: USER_AT_START, useValue: start.me },
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([httpErrorInterceptor])),
    provideRouter(appRoutes(COMPILED_MODULES), withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: WEB_MODULES, useValue: COMPILED_MODULES },
    { provide: ICON_SET, useValue: GENERATED_ICONS },
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
  ],
});
