/** Types of scripts/integrations.mjs, for the tests that import it. */
export declare const INTEGRATION_FILES: {
  vscodeHtml: string;
  vscodeCss: string;
  webTypes: string;
  jsxElements: string;
  react: string;
  vue: string;
};
export declare function dedupeTypeImports(text: string): string;
export declare function writeIntegrations(root?: string): string[];
