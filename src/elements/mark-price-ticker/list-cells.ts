/**
 * The cells of a list row that move on a tick (the price, the class that says the move, the change
 * since start), written as a hand-written page writes them: a text node's data and a class, only
 * when they differ. Lit renders the rows when the rows, their order, the words or the selection
 * change, and binds each row's cells to its view then (`rowCells`); a tick that only moves prices
 * renders no row template at all, and the element writes the moved rows' cells after its update
 * (`writeCells`).
 */
import { noChange, type ElementPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { TickerView } from './ticker-view.js';

const CHANGE_CLASSES = { up: 'change up', down: 'change down', flat: 'change flat' } as const;

/** The row that shows each view (the last one bound to it). */
const cellsOf = new WeakMap<TickerView, RowCells>();

class RowCells extends Directive {
  private view!: TickerView;
  /** Around the price and its marks: its class says the move (arrow, colour, flash, spoken word). */
  private move!: HTMLElement;
  private price!: Text;
  private change!: HTMLElement;
  private changeText!: Text;
  /** What the cells show (kept here: reading the DOM back costs more than a comparison); moves -1: nothing yet. */
  private moves = -1;
  private shown: { price?: string; move?: string; change?: string; sign?: string } = {};

  render(_view: TickerView): unknown {
    return noChange;
  }

  override update(part: ElementPart, [view]: [TickerView]): unknown {
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
    cellsOf.set(view, this);
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
}

/** `<tr ${rowCells(view)}>`: binds the row's moving cells to `view` and writes them. */
export const rowCells = directive(RowCells);

/** Writes the cells of every row of `views` that moved since they were written. */
export function writeCells(views: readonly TickerView[]): void {
  for (const view of views) cellsOf.get(view)?.write();
}
