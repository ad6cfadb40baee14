import type { Routes } from '@angular/router';
import type { WebModule } from '@lc/platform/web';
import { signedInGuard, signedOutGuard } from './routing/auth.guards';
import { moduleRoutes } from './routing/module-routes';

/** `/login` is public; everything else lives in the shell layout (navbar, dock) behind the session guard. */
export function appRoutes(modules: readonly WebModule[]): Routes {
  return [
    { path: 'login', title: () => $localize`:@@base.routes.logIn:Log in`, canMatch: [signedOutGuard], loadComponent: () => import('./login/login.page') },
    {
      path: '',
      canMatch: [signedInGuard],
      loadComponent: () => import('./shell/shell-layout.component'),
      children: [
        { path: '', pathMatch: 'full', loadComponent: () => import('./home/home.page') },
        ...moduleRoutes(modules),
        { path: '**', title: () => $localize`:@@base.routes.pageNotFound:Page not found`, loadComponent: () => import('./pages/not-found.page') },
      ],
    },
  ];
}
