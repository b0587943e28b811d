/**
 * Loads an element's code the first time its tag shows up, as Shoelace's autoloader does: one
 * scan of the page when started, then a MutationObserver on the document and on every open
 * shadow root a scan comes across (an app's own components render our tags inside theirs). A
 * page with only a ticker fetches the ticker's code and nothing of the other three elements.
 */

/** Tag -> the import that defines it (a dynamic `import()`, so the bundler makes it a chunk). */
export type ElementImports = Readonly<Record<string, () => Promise<unknown>>>;

export interface Autoloader {
  /** Looks for our undefined tags under `root` (and in open shadow roots below it) and loads them. */
  discover(root: ParentNode): Promise<void>;
  /** Loads one tag's code now, whether or not it is on the page; resolves once it is defined. */
  load(tag: string): Promise<void>;
}

/** A tag's code is imported once: the same promise for every element and every scan. */
function loadOnce(imports: ElementImports): (tag: string) => Promise<void> {
  const loading = new Map<string, Promise<void>>();
  return (tag) => {
    let promise = loading.get(tag);
    if (!promise) {
      const load = imports[tag];
      if (!load) return Promise.reject(new TypeError(`margin-kit: no element <${tag}>`));
      promise = load().then(
        () => customElements.whenDefined(tag).then(() => undefined),
        (error: unknown) => {
          loading.delete(tag); // a failed fetch may be retried by the next scan
          throw new Error(`margin-kit: could not load <${tag}>: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        },
      );
      loading.set(tag, promise);
    }
    return promise;
  };
}

/** Our tags at and under `root` that no copy of the kit defined yet, and the open shadow roots found. */
export function scan(root: ParentNode, tags: ReadonlySet<string>): { wanted: Set<string>; shadowRoots: ShadowRoot[] } {
  const wanted = new Set<string>();
  const shadowRoots: ShadowRoot[] = [];
  const visit = (element: Element) => {
    const tag = element.localName;
    if (tags.has(tag) && !customElements.get(tag)) wanted.add(tag);
    if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
  };
  if (root instanceof Element) visit(root);
  for (const element of root.querySelectorAll('*')) visit(element);
  return { wanted, shadowRoots };
}

/**
 * Starts watching `document` for the tags in `imports`. Open shadow roots are watched once
 * each (a WeakSet, so a removed component's root is not kept alive); closed ones cannot be seen:
 * an app with closed roots calls `load(tag)` itself.
 */
export function startAutoloader(imports: ElementImports, doc: Document = document): Autoloader {
  const tags = new Set(Object.keys(imports));
  const load = loadOnce(imports);
  const watched = new WeakSet<Node>();
  const report = (error: unknown) => console.error(error);

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) void discover(node as Element);
    }
  });
  const watch = (root: Node) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };

  function discover(root: ParentNode): Promise<void> {
    const { wanted, shadowRoots } = scan(root, tags);
    for (const shadowRoot of shadowRoots) {
      watch(shadowRoot);
      void discover(shadowRoot);
    }
    return Promise.all([...wanted].map((tag) => load(tag).catch(report))).then(() => undefined);
  }

  watch(doc.documentElement);
  void discover(doc);
  return { discover, load };
}
