/**
 * Controls from custom-elements.json: Storybook's autodocs read descriptions, defaults, events,
 * parts and CSS properties from the manifest (.storybook/preview.ts), but make a text box of a
 * type such as `'cross' | 'isolated'`. Here each attribute's control follows its manifest type
 * (radio for a union of literals, boolean, number, text), and a property that has an attribute
 * is listed once, under its attribute.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

interface Typed {
  name: string;
  type?: { text: string };
  attribute?: string;
  fieldName?: string;
  kind?: string;
}

interface Declaration {
  tagName?: string;
  attributes?: Typed[];
  members?: Typed[];
}

function declarationOf(tag: string): Declaration {
  const found = (manifest.modules as Array<{ declarations?: Declaration[] }>).flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`<${tag}> is not in custom-elements.json: run npm run analyze`);
  return found;
}

/** `'a' | 'b'` -> ['a', 'b']; undefined when the type is not a union of string literals. */
export function literalOptions(type: string): string[] | undefined {
  const parts = type.split('|').map((part) => part.trim());
  if (!parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => part.slice(1, -1));
}

export function manifestArgTypes(tag: string): ArgTypes {
  const declaration = declarationOf(tag);
  const argTypes: ArgTypes = {};
  for (const attribute of declaration.attributes ?? []) {
    const type = attribute.type?.text ?? 'string';
    const options = literalOptions(type);
    argTypes[attribute.name] = options
      ? { control: 'inline-radio', options }
      : { control: type === 'boolean' ? 'boolean' : type === 'number' ? 'number' : 'text' };
  }
  for (const member of declaration.members ?? []) {
    if (member.kind === 'field' && member.attribute && member.attribute !== member.name) argTypes[member.name] = { table: { disable: true }, control: false };
  }
  return argTypes;
}
