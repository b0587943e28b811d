/**
 * What "fits its box" means, measured in the browser: the boxes an element paints, through every
 * shadow root, against the host's edges; and sibling controls that overlap.
 */

/** An ancestor that clips or scrolls its content on the inline axis. */
const CLIPS = /^(auto|scroll|hidden|clip)$/;

/** The element's parent, through a shadow root to its host. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Inside a scroll or clip container that is itself inside the host (a table's scrolling box). */
function insideScroller(node: Element, host: Element): boolean {
  for (let at = parentOf(node); at && at !== host; at = parentOf(at)) {
    if (CLIPS.test(getComputedStyle(at).overflowX)) return true;
  }
  return false;
}

/** Every element under the host, shadow trees included (open roots). */
function* descendants(node: Element | ShadowRoot): Generator<Element> {
  const root = node instanceof Element ? node.shadowRoot : null;
  if (root) yield* descendants(root);
  for (const child of node.children) {
    yield child;
    yield* descendants(child);
  }
}

const describe = (node: Element) =>
  `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}${
    node.classList.length ? `.${[...node.classList].join('.')}` : ''
  }`;

/**
 * The boxes that cross the host's left or right edge (0.5 px of rounding allowed), unless they
 * sit in a scroll container of the element's own. Hidden and 1 px boxes (visually hidden text) do
 * not paint. Only the outermost box of a crossing subtree is named (its children cross with it).
 */
export function boxesPastEdges(host: Element): string[] {
  const edge = host.getBoundingClientRect();
  const found: string[] = [];
  const named = new Set<Element>();
  for (const node of descendants(host)) {
    if (['style', 'script', 'template'].includes(node.localName)) continue;
    const box = node.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.right <= edge.right + 0.5 && box.left >= edge.left - 0.5) continue;
    if (getComputedStyle(node).visibility === 'hidden' || insideScroller(node, host)) continue;
    const parent = parentOf(node);
    named.add(node);
    if (parent && named.has(parent)) continue;
    const words = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const past = box.right > edge.right + 0.5 ? `${Math.round(box.right - edge.right)} px past the right edge` : `${Math.round(edge.left - box.left)} px past the left edge`;
    found.push(`${describe(node)} "${words}" ${past}`);
  }
  return found;
}

const CONTROL = 'button, input:not([type="hidden"]), select, textarea, [part~="field"]';

/** Two sibling controls (or fields) whose boxes intersect by more than a pixel each way. */
export function overlappingControls(host: Element): string[] {
  const found: string[] = [];
  const parents = new Set<Element>();
  for (const node of descendants(host)) if (node.matches(CONTROL) && node.parentElement) parents.add(node.parentElement);
  for (const parent of parents) {
    const controls = [...parent.children].filter((c) => c.matches(CONTROL) && getComputedStyle(c).position !== 'absolute');
    const boxes = controls.map((c) => c.getBoundingClientRect());
    for (let i = 0; i < controls.length; i += 1) {
      for (let j = i + 1; j < controls.length; j += 1) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1 && a.width > 1 && b.width > 1) found.push(`${describe(controls[i]!)} overlaps ${describe(controls[j]!)}`);
      }
    }
  }
  return found;
}
