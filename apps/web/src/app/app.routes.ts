import type { Routes } from '@angular/router';
import type { WebModule } from '@lc/platform/web';
import HomePage from './home/home.page';
import { signedInGuard, signedOutGuard } from './routing/auth.guards';
import { moduleRoutes } from './routing/module-routes';
import ShellLayoutComponent from './shell/shell-layout.component';

/** `/login` is public; everything else lives in the shell layout (navbar, dock) behind the session guard. */
export function appRoutes(modules: readonly WebModule[]): Routes {
  return [
    { path: 'login', title: () => $localize`:@@base.routes.logIn:Log in`, canMatch: [signedOutGuard], loadComponent: () => import('./login/login.page') },
    {
      path: '',
      canMatch: [signedInGuard],
      component: ShellLayoutComponent,
      children: [
        { path: '', pathMatch: 'full', component: HomePage },
        ...moduleRoutes(modules),
        { path: '**', title: () => $localize`:@@base.routes.pageNotFound:Page not found`, loadComponent: () => import('./pages/not-found.page') },
      ],
    },
  ];
}
