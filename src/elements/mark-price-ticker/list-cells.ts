/**
 * The cells of a list row that move on a tick (the price, the class that says the move, the change
 * since start), written as a hand-written page writes them: a text node's data and a class, only
 * when they differ. Lit renders the rows (keyed by symbol) when the rows, their order, the words
 * or the selection change; a tick that only moves prices renders no row template at all, and the
 * element writes the moved rows' cells after its update (`ListCells.write`).
 */
import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { TickerView } from './ticker-view.js';

const CHANGE_CLASSES = { up: 'change up', down: 'change down', flat: 'change flat' } as const;

class RowCells extends AsyncDirective {
  private view!: TickerView;
  private rows!: Set<RowCells>;
  /** Around the price and its marks: its class says the move (arrow, colour, flash, spoken word). */
  private move!: HTMLElement;
  private price!: Text;
  private change!: HTMLElement;
  private changeText!: Text;
  /** What the cells show (kept here: reading the DOM back costs more than a comparison); -1: nothing yet. */
  private moves = -1;
  private shown: { price?: string; move?: string; change?: string; sign?: string } = {};

  render(_view: TickerView, _rows: Set<RowCells>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [view, rows]: [TickerView, Set<RowCells>]): unknown {
    if (!this.move) {
      // The row template's cells (margin-mark-price-ticker.ts `listRow`), left empty for this directive.
      const cells = (part.element as HTMLTableRowElement).cells;
      this.move = cells[1]!.firstElementChild as HTMLElement;
      this.change = cells[2]!.firstElementChild as HTMLElement;
      this.move.firstElementChild!.append((this.price = new Text()));
      this.change.append((this.changeText = new Text()));
    }
    if (view !== this.view) {
      this.view = view;
      this.moves = -1;
    }
    this.rows = rows;
    rows.add(this);
    this.write();
    return noChange;
  }

  /** Brings the cells up to date with their view, if it moved since they were written. */
  write(): void {
    const v = this.view;
    if (v.moves === this.moves) return;
    this.moves = v.moves;
    const shown = this.shown;
    if (shown.price !== v.priceText) this.price.data = shown.price = v.priceText;
    if (shown.move !== v.flashClass) this.move.className = shown.move = v.flashClass;
    if (shown.change !== v.changeText) this.changeText.data = shown.change = v.changeText;
    if (shown.sign !== v.changeSign) this.change.className = CHANGE_CLASSES[(shown.sign = v.changeSign)];
  }

  override disconnected(): void {
    this.rows.delete(this);
  }

  override reconnected(): void {
    this.rows.add(this);
  }
}

/** The list's rows on screen, each bound to its view: `<tr ${cells.bind(view)}>`. */
const rowCells = directive(RowCells);

export class ListCells {
  private readonly rows = new Set<RowCells>();

  bind(view: TickerView): unknown {
    return rowCells(view, this.rows);
  }

  /** Writes every row whose view moved since its cells were last written. */
  write(): void {
    for (const row of this.rows) row.write();
  }
}
