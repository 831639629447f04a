import { ensureClientBuilt } from '../../server/clientBuild.ts';

/** Builds the client once so end-to-end tests serve the real app. */
export default async function setup(): Promise<void> {
  await ensureClientBuilt();
}
