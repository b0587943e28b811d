/** Types of scripts/api-tables.mjs, for the test that imports it. */
export interface ExpectedFile {
  file: string;
  current: string;
  expected: string;
}
export declare const README_MARKERS: [string, string];
export declare const THEMING_MARKERS: [string, string];
export declare function expectedFiles(root?: string): ExpectedFile[];
