import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { configure, pageConfig } from '../src/client/connection.js';

setCustomElementsManifest(manifest);

/** The toolbar's language is the page's locale: every element's words (and default number format) follow it. */
const withLocale: Decorator = (story, context) => {
  const locale = (context.globals.locale as string | undefined) || 'en';
  // configure() reconnects the page's elements: only when the language changed.
  if ((pageConfig().locale ?? 'en') !== locale) configure({ locale });
  return story();
};

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Language of every element (configure({ locale }))',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'zh-Hans', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [withLocale],
  tags: ['autodocs'],
};

export default preview;
