// Types for scripts/esbuildNode.mjs, so the command line's worker bundle shares build.mjs's settings.
export const NODE_BUNDLE: {
  bundle: true;
  platform: 'node';
  target: string;
  logLevel: 'warning';
  mainFields: string[];
};
export const NATIVE_EXTERNAL: string[];
export const ESM_BANNER: { js: string };
