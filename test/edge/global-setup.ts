import { buildWorker } from '../../scripts/edge/build-worker.ts';

/** Builds the worker once for the whole edge suite; the build prints the bundle's size. */
export default function setup() {
  buildWorker();
}
