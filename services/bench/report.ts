/** One benchmark figure; printed as a JSON line with --json, else as a readable line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  [extra: string]: unknown;
}

export function reporter(argv: string[]) {
  const json = argv.includes('--json');
  return (f: Figure) => {
    const rounded: Figure = { ...f, value: round(f.value) };
    if (f.baseline !== undefined) rounded.baseline = round(f.baseline);
    if (f.ratio !== undefined) rounded.ratio = Math.round(f.ratio * 1000) / 1000;
    if (json) console.log(JSON.stringify(rounded));
    else console.log(`${f.name.padEnd(28)} ${String(rounded.value).padStart(12)} ${f.unit}${f.baseline !== undefined ? `  (baseline ${rounded.baseline}, ratio ${rounded.ratio})` : ''}${f.target ? `  target ${f.target}` : ''}`);
  };
}

export function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}

export function numberOption(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
