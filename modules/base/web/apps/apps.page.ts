import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ModuleInfo } from '@lc/protocol';
import { ControlPanelComponent, IconComponent, NotificationService, SearchBoxComponent, SessionService } from '@lc/platform/web';
import { BaseApi } from '../base-api.service';

interface AppCard {
  module: ModuleInfo;
  icon: string;
  color: string;
  dependsOn: string;
}

const MODULE_ICON_COLOR = '#875a7b';

/** Odoo's Apps: a kanban of every module, with Enable / Disable for administrators. */
@Component({
  selector: 'lc-apps-page',
  imports: [ControlPanelComponent, IconComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './apps.page.html',
  styleUrl: './apps.page.css',
})
export default class AppsPage {
  protected readonly session = inject(SessionService);
  private readonly api = inject(BaseApi);
  private readonly notifications = inject(NotificationService);

  protected readonly query = signal('');
  protected readonly modules = signal<ModuleInfo[] | null>(null);
  /** The module being enabled or disabled (its buttons wait). */
  protected readonly pending = signal<string | null>(null);

  protected readonly cards = computed<AppCard[]>(() => {
    const modules = this.modules() ?? [];
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
        };
      });
  });

  constructor() {
    void this.load();
  }

  protected async setEnabled(module: ModuleInfo, enabled: boolean): Promise<void> {
    this.pending.set(module.name);
    try {
      await this.api.setModuleEnabled(module.name, enabled);
      // Enabling may enable dependencies too: reload the list, and the menus, home screen and slots.
      await Promise.all([this.load(), this.session.reloadMenus()]);
      this.notifications.success(`${module.label} is ${enabled ? 'enabled' : 'disabled'}.`);
    } catch {
      // The interceptor shows the server's message (e.g. which enabled modules depend on this one).
    } finally {
      this.pending.set(null);
    }
  }

  private async load(): Promise<void> {
    // On failure the interceptor has said why; show an empty kanban rather than "Loading…" forever.
    this.modules.set(await this.api.modules().catch(() => this.modules() ?? []));
  }
}
