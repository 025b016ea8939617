/**
 * A module loaded on first use, then kept. Every model kind loads its call code with `import()`
 * so that importing the package stays cheap, but `import()` of an already loaded module is not
 * free on every call: about 35 µs in plain Node, and a round trip to the loader thread (about
 * 1 ms of CPU) under module hooks such as tsx's. A failed load is not kept, so a later call
 * tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
