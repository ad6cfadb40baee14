import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ModuleInfo } from '@lc/protocol';
import { ControlPanelComponent, IconComponent, NotificationService, SearchBoxComponent, SessionService } from '@lc/platform/web';
import { BaseApi } from '../base-api.service';
import { DisableModuleDialog } from './disable-module.dialog';

interface AppCard {
  module: ModuleInfo;
  icon: string;
  color: string;
  dependsOn: string;
  /** Labels of the enabled modules that depend on this one: it cannot be disabled before them. */
  neededBy: string;
}

const MODULE_ICON_COLOR = '#875a7b';

/**
 * Odoo's Apps: a kanban of every module, with Enable / Disable for administrators. It reads the session's
 * modules, which follow every change at once (the `modules` event), also one made in another tab.
 */
@Component({
  selector: 'lc-apps-page',
  imports: [ControlPanelComponent, DisableModuleDialog, IconComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './apps.page.html',
  styleUrl: './apps.page.css',
})
export default class AppsPage {
  protected readonly breadcrumbs = [{ label: $localize`:@@base.apps.title:Apps` }];
  protected readonly session = inject(SessionService);
  private readonly api = inject(BaseApi);
  private readonly notifications = inject(NotificationService);

  protected readonly query = signal('');
  /** The module being enabled or disabled (its buttons wait). */
  protected readonly pending = signal<string | null>(null);
  /** The module whose Disable asks for confirmation. */
  protected readonly confirming = signal<ModuleInfo | null>(null);

  protected readonly cards = computed<AppCard[]>(() => {
    const modules = this.session.modules();
    const labels = new Map(modules.map((m) => [m.name, m.label]));
    const q = this.query().trim().toLowerCase();
    return modules
      .filter((m) => !q || m.label.toLowerCase().includes(q) || m.name.toLowerCase().includes(q))
      .sort((a, b) => Number(b.application) - Number(a.application) || a.label.localeCompare(b.label))
      .map((module) => {
        // Apps of enabled modules have their menu's icon; the others a generic module icon.
        const menu = this.session.menus().find((node) => node.module === module.name && node.icon);
        return {
          module,
          icon: menu?.icon ?? 'apps',
          color: menu?.color ?? MODULE_ICON_COLOR,
          dependsOn: module.depends.map((name) => labels.get(name) ?? name).join(', '),
          neededBy: modules.filter((m) => m.enabled && m.depends.includes(module.name)).map((m) => m.label).join(', '),
        };
      });
  });

  protected async setEnabled(module: ModuleInfo, enabled: boolean): Promise<void> {
    this.confirming.set(null);
    this.pending.set(module.name);
    try {
      await this.api.setModuleEnabled(module.name, enabled);
      // Enabling may enable dependencies too: the modules, menus, home screen and slots follow.
      await this.session.reloadMenus();
      this.notifications.success(enabled ? $localize`:@@base.apps.enabledToast:${module.label}:APP: is enabled.` : $localize`:@@base.apps.disabledToast:${module.label}:APP: is disabled.`);
    } catch {
      // The interceptor shows the server's message.
    } finally {
      this.pending.set(null);
    }
  }
}
