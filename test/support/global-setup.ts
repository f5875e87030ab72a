import { buildPageBundle, buildWorkerPreloadBundle } from './page-bundle';

/** Builds what the browser tests inject into pages (the connectors, the agent, the shim) and workers, once per run. */
export default async function setup(): Promise<void> {
  await buildPageBundle();
  await buildWorkerPreloadBundle();
}
