/** Prints a benchmark's figures as a table: each metric for Wasl and its baseline, the ratio, and the target. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The value below which `share` (0 to 1) of the values lie, nearest rank: percentile(values, 0.9) is the p90. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}

/** [metric, Wasl, baseline, ratio, target, met] */
export type Row = [string, string, string, string, string, boolean];

export function report(title: string, rows: readonly Row[], columns: [string, string] = ['Wasl', 'baseline']): void {
  const header: string[] = ['', columns[0], columns[1], 'ratio', 'target'];
  const table = [header, ...rows.map(([metric, wasl, base, ratio, target, met]) => [metric, wasl, base, ratio, target === '' ? '' : `${target} ${met ? '✓' : '✗ MISSED'}`])];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${table.slice(1).map(line).join('\n')}\n`);
}
