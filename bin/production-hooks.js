/* global URL */
// Module hooks of the production server (registered by bin/start.js): AdminJS loads, on the server, code
// the running server never calls. Handing it stand-ins keeps that code out of memory and off the start:
// - its component bundler (rollup, babel, esbuild): with ADMIN_JS_SKIP_BUNDLE=true the bundles come from
//   `npm run build`; calling it is a deployment error;
// - its browser side (`adminjs/lib/frontend/index.js`: React, the router, every component), which
//   `import 'adminjs'` re-exports although the server uses none of it — the server's pages are HTML
//   shells (login-template, layout-template) that need only the theme and the Redux store;
// - of the design system, the server reads two values (combineStyles for the theme, the drawer width):
//   given from their own files instead of the whole component library.
// The browser receives the full bundles as before (they are files, not modules of this process).
const BUNDLER_STAND_IN = `export default {
  createEntry() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
  build() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
  watch() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
};`;

const module = (source) => ({ url: `data:text/javascript,${encodeURIComponent(source)}`, shortCircuit: true });

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (!parent.includes('/node_modules/adminjs/lib/')) return nextResolve(specifier, context);
  if (specifier.endsWith('/bundler/components.bundler.js')) return module(BUNDLER_STAND_IN);
  if (specifier === './frontend/index.js' && parent.endsWith('/node_modules/adminjs/lib/index.js'))
    return module('export {};');
  if (specifier === '@adminjs/design-system') {
    const build = new URL('../node_modules/@adminjs/design-system/build/', import.meta.url);
    return module(
      `export { combineStyles } from ${JSON.stringify(new URL('utils/combine-styles.js', build).href)};\n` +
        `export { DEFAULT_DRAWER_WIDTH } from ${JSON.stringify(new URL('constants.js', build).href)};`,
    );
  }
  return nextResolve(specifier, context);
}
