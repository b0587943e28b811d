import { html, nothing, type TemplateResult } from 'lit';

export interface Column<T> {
  header: unknown;
  cell: (row: T) => unknown;
  /** Amounts and prices: end-aligned, monospaced. */
  numeric?: boolean;
  /** Left out in a narrow box (below 30rem), where the first columns matter most. */
  secondary?: boolean;
}

export interface DataTableOptions<T> {
  /** Names the scrolling region and the table (also the caption, hidden). */
  label: string;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  /** Marks a row `aria-current` (the selected one). */
  current?: (row: T) => boolean;
  /** Makes rows clickable (a row opens its details). */
  onRow?: (row: T) => void;
}

/**
 * A table that scrolls inside its own box: a wide table never widens the page. The box is a
 * focusable, labelled region so keyboard users can scroll it (WCAG 2.1.1).
 */
export function renderTableScroll(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}

/** `part="table"` with `row` and `cell` parts, inside its own scrolling box. */
export function renderDataTable<T>(options: DataTableOptions<T>): TemplateResult {
  const { columns, current, onRow } = options;
  const numeric = (column: Column<T>) => [column.numeric ? 'num' : '', column.secondary ? 'secondary' : ''].join(' ').trim();
  return renderTableScroll(
    options.label,
    html`<table part="table">
      <caption class="visually-hidden">${options.label}</caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col" class=${numeric(column)}>${column.header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${options.rows.map(
          (row) => html`<tr
            part="row"
            class=${onRow ? 'clickable' : ''}
            aria-current=${current?.(row) ? 'true' : nothing}
            @click=${onRow ? () => onRow(row) : nothing}
          >
            ${columns.map((column) => html`<td part="cell" class=${numeric(column)}>${column.cell(row)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
