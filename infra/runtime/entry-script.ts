/**
 * The script a child process or worker thread starts from, beside the module asking: in the
 * sources (run through tsx) a small `<name>-entry.js` that registers tsx and imports
 * `<name>.ts`; in the compiled output (`npm run build`, where that entry is not copied and no
 * `.ts` is left) the compiled `<name>.js` itself. Which of the two is told by the asking
 * module's own URL, so each entry point needs no flag.
 */
export function entryScript(name: string, from: string): URL {
  const compiled = new URL(from).pathname.endsWith('.js');
  return new URL(compiled ? `./${name}.js` : `./${name}-entry.js`, from);
}
