/**
 * The pure half of scripts/lit-templates.ts: minifies the static parts of one Lit template. No
 * Node or TypeScript here, so the browser tests run it against Lit's own renderer.
 * The rules, and why each is safe, are in scripts/lit-templates.ts.
 */

/** Elements whose content is copied as written (whitespace in them renders, or is code). */
const RAW_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style', 'title']);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** The scanner lost its way (a template ending inside a tag, a comment around an expression): leave it as written. */
class Unfollowable extends Error {}

/**
 * The scanner reads the raw text; Lit and the browser see it cooked, where `\"` is a quote and
 * `\n` a line break. Rather than cook, a template with any escape is left as written.
 */
function refuseEscapes(parts: readonly string[]): void {
  if (parts.some((part) => part.includes('\\'))) throw new Unfollowable('escape sequence');
}

/**
 * The static parts of one `html` template (the raw text between its expressions), minified.
 * The parser state carries across expressions: `class="a ${x} b"` stays inside the value.
 */
export function minifyHtmlParts(parts: readonly string[]): string[] {
  return asWrittenIfLost(htmlParts, parts);
}

/** `minify(parts)`, or the parts as written when the scanner cannot follow them. */
function asWrittenIfLost(minify: (parts: readonly string[]) => string[], parts: readonly string[]): string[] {
  try {
    refuseEscapes(parts);
    return minify(parts);
  } catch (error) {
    if (error instanceof Unfollowable) return [...parts];
    throw error;
  }
}

function htmlParts(parts: readonly string[]): string[] {
  type State = { mode: 'text' } | { mode: 'tag'; name: string; closing: boolean; quote?: string } | { mode: 'raw'; until: string } | { mode: 'comment' };
  let state: State = { mode: 'text' };
  return parts.map((part, index) => {
    let out = '';
    let i = 0;
    const last = index === parts.length - 1;
    while (i < part.length) {
      const c = part[i]!;
      switch (state.mode) {
        case 'comment': {
          const end = part.indexOf('-->', i);
          const stop = end === -1 ? part.length : end + 3;
          out += part.slice(i, stop);
          i = stop;
          if (end !== -1) state = { mode: 'text' };
          continue;
        }
        case 'raw': {
          const end = part.toLowerCase().indexOf(`</${state.until}`, i);
          if (end === -1) {
            out += part.slice(i);
            i = part.length;
          } else {
            out += part.slice(i, end);
            i = end;
            state = { mode: 'text' };
          }
          continue;
        }
        case 'text': {
          if (isSpace(c)) {
            let j = i;
            while (j < part.length && isSpace(part[j])) j++;
            const run = part.slice(i, j);
            out += run.includes('\n') ? '\n' : run;
            i = j;
            continue;
          }
          if (c === '<' && part.startsWith('<!--', i)) {
            out += '<!--';
            i += 4;
            state = { mode: 'comment' };
            continue;
          }
          if (c === '<' && (isLetter(part[i + 1]) || (part[i + 1] === '/' && isLetter(part[i + 2])))) {
            const closing = part[i + 1] === '/';
            let j = i + (closing ? 2 : 1);
            while (j < part.length && /[A-Za-z0-9:-]/.test(part[j]!)) j++;
            state = { mode: 'tag', name: part.slice(i + (closing ? 2 : 1), j).toLowerCase(), closing };
            out += part.slice(i, j);
            i = j;
            continue;
          }
          out += c;
          i++;
          continue;
        }
        case 'tag': {
          if (state.quote) {
            const end = part.indexOf(state.quote, i);
            out += part.slice(i, end === -1 ? part.length : end + 1);
            i = end === -1 ? part.length : end + 1;
            if (end !== -1) state = { ...state, quote: undefined };
            continue;
          }
          if (c === '"' || c === "'") {
            state = { ...state, quote: c };
            out += c;
            i++;
            continue;
          }
          if (isSpace(c)) {
            let j = i;
            while (j < part.length && isSpace(part[j])) j++;
            const next = part[j];
            // None before `>`; one elsewhere: attributes need it, and so does an expression at the part's end.
            // Kept before `/>` too: never glued to an unquoted value, whoever parses it.
            if (next !== '>') out += ' ';
            i = j;
            continue;
          }
          if (c === '>') {
            out += c;
            i++;
            state = !state.closing && RAW_ELEMENTS.has(state.name) ? { mode: 'raw', until: state.name } : { mode: 'text' };
            continue;
          }
          out += c;
          i++;
          continue;
        }
      }
    }
    if (last && state.mode !== 'text') throw new Unfollowable(`template ends inside ${state.mode}`);
    return out;
  });
}

const DROP_AFTER = new Set(['{', '}', ';', ',', ':']);
const DROP_BEFORE = new Set(['{', '}', ';', ',']);

/** The static parts of one `css` template, minified. */
export function minifyCssParts(parts: readonly string[]): string[] {
  return asWrittenIfLost(cssParts, parts);
}

function cssParts(parts: readonly string[]): string[] {
  let quote: string | undefined;
  return parts.map((part, index) => {
    let out = '';
    let i = 0;
    const first = index === 0;
    const last = index === parts.length - 1;
    while (i < part.length) {
      const c = part[i]!;
      if (quote) {
        out += c;
        i++;
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        out += c;
        i++;
        continue;
      }
      if (c === '/' && part[i + 1] === '*') {
        const end = part.indexOf('*/', i + 2);
        if (end === -1) throw new Unfollowable('comment around an expression');
        i = end + 2;
        // A comment separates like whitespace does: `a/**/b` is two tokens.
        if (!isSpace(part[i]) && !isSpace(out.at(-1)) && out.length > 0 && i < part.length) out += ' ';
        continue;
      }
      if (isSpace(c)) {
        let j = i;
        while (j < part.length && isSpace(part[j])) j++;
        const prev = out.at(-1);
        const next = part[j];
        const atStart = prev === undefined && first;
        const atEnd = next === undefined && last;
        let keep = !(atStart || atEnd || (prev !== undefined && DROP_AFTER.has(prev)) || (next !== undefined && DROP_BEFORE.has(next)));
        // `--x: ;` (an empty custom property) and `var(--x, )` need their space.
        if ((prev === ':' && (next === ';' || next === '}')) || (prev === ',' && next === ')')) keep = true;
        if (keep) out += ' ';
        i = j;
        continue;
      }
      // The last `;` of a block is optional (unless it is escaped: `\;`).
      if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      out += c;
      i++;
    }
    if (last && quote) throw new Unfollowable('template ends inside a string');
    return out;
  });
}
