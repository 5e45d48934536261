// Lets the benchmarks run TypeScript that imports text assets as `…?raw` (a Vite feature
// the app's build uses): under plain Node + tsx such a module is its file's text.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { readFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        if (!specifier.endsWith('?raw')) return next(specifier, context);
        const url = new URL(specifier, context.parentURL);
        return { url: url.href, shortCircuit: true };
      }
      export async function load(url, context, next) {
        if (!url.endsWith('?raw')) return next(url, context);
        const text = readFileSync(new URL(url.slice(0, -4)), 'utf8');
        return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
      }
    `),
);
