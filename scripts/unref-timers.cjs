// Preloaded into Prisma CLI processes: timers must not keep a finished command alive.
const { setTimeout: originalSetTimeout, setInterval: originalSetInterval } = globalThis;
globalThis.setTimeout = (...args) => {
  const timer = originalSetTimeout(...args);
  timer?.unref?.();
  return timer;
};
globalThis.setInterval = (...args) => {
  const timer = originalSetInterval(...args);
  timer?.unref?.();
  return timer;
};
