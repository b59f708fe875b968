/** Waits `ms`, or rejects with the abort's reason as soon as `abort` fires. */
export function sleep(ms: number, abort: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abort.aborted) {
      reject(abort.reason);
      return;
    }

    function stopSleeping() {
      clearTimeout(timer);
      reject(abort.reason);
    }

    const timer = setTimeout(function wake() {
      abort.removeEventListener('abort', stopSleeping);
      resolve();
    }, ms);
    abort.addEventListener('abort', stopSleeping, { once: true });
  });
}
