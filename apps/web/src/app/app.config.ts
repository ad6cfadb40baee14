import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { WEB_MODULES } from '@lc/platform/web';
import { appRoutes } from './app.routes';
import { httpErrorInterceptor } from './http-error.interceptor';
import { WEB_MODULES as COMPILED_MODULES } from './modules.generated';
import { PageTitleStrategy } from './routing/page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([httpErrorInterceptor])),
    provideRouter(appRoutes(COMPILED_MODULES), withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: WEB_MODULES, useValue: COMPILED_MODULES },
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
  ],
};
