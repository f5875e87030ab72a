// Turns a page outline a user saved from Wasl (Services ▸ Save page outline) into the skeleton of a fixture page:
//   npm run fixture:from-outline -- <outline.json> <out.html>
// The work is done by test/support/outline-skeleton.ts (TypeScript, loaded through Vite's module runner); this
// file only reads and writes. The outline is checked (size, depth, every text a shape) before anything is written.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npm run fixture:from-outline -- <outline.json> <out.html>');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(path.join(root, 'test/support/outline-skeleton.ts'), { configFile: false, root, logLevel: 'error' });
let html;
try {
  html = module.skeletonFromJson(await readFile(input, 'utf8'));
} catch (error) {
  console.error(`${input}: not a Wasl page outline (${error instanceof Error ? error.message.slice(0, 500) : String(error)})`);
  process.exit(1);
}
await writeFile(output, html);
console.log(`${output}: a fixture skeleton of ${Buffer.byteLength(html)} bytes; replace its placeholders and name its evidence.`);
