/**
 * The part of Chart.js a report's bar chart needs, registered once. Imported only by `import()` from the
 * chart component: this module and Chart.js are a lazy chunk of their own, never in the shell's initial
 * code, and the named imports let the bundler leave the rest of Chart.js out.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#495057';

export { Chart };
