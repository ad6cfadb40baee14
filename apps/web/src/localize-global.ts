// What `@angular/localize/init` does (the global `$localize` tag), as the first module of main: in production it
// is part of the start-up bundle instead of a polyfills file of its own (one request less). The tests and
// `ng serve` still get `@angular/localize/init` from angular.json's polyfills. Nothing calls `$localize` while
// its file loads (scripts/check-web-i18n.mjs), so this only has to run before the first render.
import { ɵ$localize } from '@angular/localize';

(globalThis as { $localize?: unknown }).$localize ??= ɵ$localize;
