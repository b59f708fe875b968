/**
 * Collects the keys asked for within one turn of the event loop and loads them with one
 * call. The cache's fetchMethod asks per key; this is what turns a 50-line deal into one
 * ERP call per kind instead of fifty.
 */
export class Batcher<V> {
  readonly #loadMany: (keys: string[]) => Promise<Map<string, V>>;
  readonly #missing: V;
  #pending: Map<string, Array<{ resolve: (v: V) => void; reject: (e: unknown) => void }>> | null =
    null;

  constructor(loadMany: (keys: string[]) => Promise<Map<string, V>>, missing: V) {
    this.#loadMany = loadMany;
    this.#missing = missing;
  }

  load(key: string): Promise<V> {
    if (!this.#pending) {
      this.#pending = new Map();
      // A macrotask, not a microtask: the keys of one request arrive across a few awaits.
      setTimeout(() => void this.#flush(), 0);
    }
    const waiters = this.#pending.get(key) ?? [];
    this.#pending.set(key, waiters);
    return new Promise<V>((resolve, reject) => waiters.push({ resolve, reject }));
  }

  async #flush(): Promise<void> {
    const batch = this.#pending!;
    this.#pending = null;
    try {
      const values = await this.#loadMany([...batch.keys()]);
      for (const [key, waiters] of batch) {
        const value = values.has(key) ? values.get(key)! : this.#missing;
        for (const w of waiters) w.resolve(value);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}
