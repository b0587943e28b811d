// `npm run analyze`: custom-elements.json from the elements' JSDoc headers (Storybook controls and docs read it).
export default {
  globs: ['src/elements/**/margin-*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
