import type { CSSResultGroup } from 'lit';
import { themeTokens } from '../theme.js';
import { formStyles } from './form.styles.js';
import { layoutStyles } from './layout.styles.js';
import { skeletonStyles } from './skeleton.styles.js';
import { statusStyles } from './status.styles.js';
import { tableStyles } from './table.styles.js';
import { tabsStyles } from './tabs.styles.js';

export { formStyles, layoutStyles, skeletonStyles, statusStyles, tableStyles, tabsStyles };

/**
 * The tokens and the blocks' CSS, in the order an element composes them: `static styles =
 * [...elementStyles, styles]` (the element's own sheet last, so it can adjust a block).
 */
export const elementStyles: CSSResultGroup[] = [themeTokens, layoutStyles, skeletonStyles, statusStyles, formStyles, tableStyles, tabsStyles];
