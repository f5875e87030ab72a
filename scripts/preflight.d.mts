/** Types of scripts/preflight.mjs, for its tests. */
export function minimumOf(range: string | undefined): string | null;
export function atLeast(version: string, minimum: string): boolean;
export function nodeProblem(version: string, minimum: string | null): string | null;
export function electronProblem(version: string, detail: string): string;
export function lastLine(output: string | undefined): string;
