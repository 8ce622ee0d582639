// Module hooks of the production server (registered by bin/start.js). AdminJS imports its component
// bundler — rollup, babel and esbuild — when it loads, although with ADMIN_JS_SKIP_BUNDLE=true it never
// calls it: the bundles come from `npm run build`. This hands AdminJS a stand-in instead, so none of
// them is loaded into the running server (less memory, a faster start); calling it is a deployment error.
const STAND_IN = `export default {
  createEntry() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
  build() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
  watch() { throw new Error('AdminJS bundling in production: run npm run build (ADMIN_JS_SKIP_BUNDLE=true)'); },
};`;

export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith('/bundler/components.bundler.js') && context.parentURL?.includes('/node_modules/adminjs/'))
    return { url: `data:text/javascript,${encodeURIComponent(STAND_IN)}`, shortCircuit: true };
  return nextResolve(specifier, context);
}
