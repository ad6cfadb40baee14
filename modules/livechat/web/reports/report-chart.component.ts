import { ChangeDetectionStrategy, Component, computed, ElementRef, effect, input, signal, viewChild, type OnDestroy } from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';

/** One stacked series of bars: its colour, and stripes over it so that it is told apart without colour too. */
export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  striped?: boolean;
}

export interface ReportChartData {
  /** Bars along the y axis (one per operator, channel or language), else along the x axis (time). */
  horizontal: boolean;
  /** Short names on the category axis, and the whole ones for the tooltip's title. */
  labels: string[];
  titles: string[];
  series: ChartSeries[];
  categoryAxis: string;
  valueAxis: string;
  /** More lines for a bar's tooltip (its other measures). */
  details: string[][];
  locale: string;
  /** What the chart shows, in words, for screen readers. */
  summary: string;
}

let chartJs: Promise<typeof import('./chart-js')> | undefined;
/** Chart.js, loaded the first time a chart is drawn. */
const loadChartJs = () => (chartJs ??= import('./chart-js'));

/** Diagonal white stripes over a colour: a missed bar stays recognisable in grey print and to colour-blind readers. */
function stripes(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return color;
  context.fillStyle = color;
  context.fillRect(0, 0, 8, 8);
  context.strokeStyle = 'rgba(255, 255, 255, 0.75)';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(-2, 10);
  context.lineTo(10, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? color;
}

function configuration(data: ReportChartData): ChartConfiguration<'bar'> {
  const [category, value] = data.horizontal ? ['y', 'x'] : ['x', 'y'];
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.striped ? stripes(s.color) : s.color, borderColor: s.color, borderWidth: 1, stack: 'all', maxBarThickness: 48 })),
    },
    options: {
      indexAxis: data.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: data.locale,
      interaction: { mode: 'index', intersect: false },
      scales: {
        [category]: { stacked: true, grid: { display: false }, title: { display: true, text: data.categoryAxis }, ticks: { maxRotation: 0, autoSkip: true } },
        [value]: { stacked: true, beginAtZero: true, title: { display: true, text: data.valueAxis }, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { title: (items) => data.titles[items[0]?.dataIndex ?? 0] ?? '', footer: (items) => data.details[items[0]?.dataIndex ?? 0] ?? [] } },
      },
    },
  };
}

/**
 * A stacked bar chart of a report (Chart.js, lazy). Axes carry their titles and the user's locale, the
 * tooltip the exact values; `data-drawn` is set once the chart is on the canvas.
 */
@Component({
  selector: 'lc-report-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="lc-rc-box" [style.height.px]="height()"><canvas #canvas role="img" [attr.aria-label]="data().summary"></canvas></div>`,
  styles: `
    :host { display: block; }
    .lc-rc-box { position: relative; width: 100%; }
  `,
  host: { '[attr.data-drawn]': 'drawn() || null' },
})
export class ReportChartComponent implements OnDestroy {
  readonly data = input.required<ReportChartData>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart?: Chart<'bar'>;
  private destroyed = false;
  protected readonly drawn = signal(false);
  /** Horizontal bars get room for each name; time runs in a box of its own height. */
  protected readonly height = computed(() => (this.data().horizontal ? Math.max(200, 34 * this.data().labels.length + 90) : 320));

  constructor() {
    effect(() => void this.draw(this.data()));
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.chart?.destroy();
  }

  private async draw(data: ReportChartData): Promise<void> {
    this.drawn.set(false);
    const { Chart } = await loadChartJs();
    if (this.destroyed || data !== this.data()) return; // newer data came while Chart.js loaded
    this.chart?.destroy();
    this.chart = new Chart(this.canvas().nativeElement, configuration(data));
    this.drawn.set(true);
  }
}
