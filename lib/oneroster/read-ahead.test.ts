import { afterEach, describe, expect, it, vi } from "vitest";
import { readAhead, takeReadAhead } from "./read-ahead";

afterEach(() => vi.useRealTimers());

describe("read-ahead", () => {
  it("hands a page read ahead to the one request that asks for it", async () => {
    const read = vi.fn(async () => ["row"]);
    readAhead("users page 2", read);
    readAhead("users page 2", read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(await takeReadAhead("users page 2")).toEqual(["row"]);
    expect(await takeReadAhead("users page 2")).toBeUndefined();
  });

  it("drops a page nobody asked for within a few seconds", async () => {
    vi.useFakeTimers();
    readAhead("users page 3", async () => ["stale row"]);
    vi.advanceTimersByTime(5_000);
    expect(await takeReadAhead("users page 3")).toBeUndefined();
  });

  it("leaves a failed read to the request, which reads the page itself", async () => {
    readAhead("users page 4", async () => {
      throw new Error("connection lost");
    });
    expect(await takeReadAhead("users page 4")).toBeUndefined();
  });

  it("keeps a bounded number of pages", async () => {
    const read = vi.fn(async () => ["row"]);
    for (let page = 0; page < 100; page++) readAhead(`bounded ${page}`, read);
    expect(read.mock.calls.length).toBeLessThan(100);
    expect(await takeReadAhead("bounded 99")).toBeUndefined();
    expect(await takeReadAhead("bounded 0")).toEqual(["row"]);
  });
});
