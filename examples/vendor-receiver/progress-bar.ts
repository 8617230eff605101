// A one-line progress bar: redrawn in place on a terminal, a plain line per update when the
// output goes to a file or a pipe (logs stay readable there).

const WIDTH = 28;
const REDRAW_EVERY_MS = 50;

export class ProgressBar {
  private lastDrawn = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number | null): void {
    if (!this.stream.isTTY) {
      this.stream.write(`${this.render(done, total)}\n`);
      return;
    }
    const now = Date.now();
    const finished = total !== null && done >= total;
    if (!finished && now - this.lastDrawn < REDRAW_EVERY_MS) return;
    this.lastDrawn = now;
    this.drawn = true;
    this.stream.write(`\r${this.render(done, total)}\x1b[K`);
  }

  /** Leaves the last drawing on screen and moves to the next line. */
  finish(): void {
    if (this.stream.isTTY && this.drawn) this.stream.write("\n");
  }

  private render(done: number, total: number | null): string {
    const count = done.toLocaleString("en-US");
    if (!total) return `${this.label}  ${count} users`;
    const ratio = Math.min(done / total, 1);
    const filled = Math.round(ratio * WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    return `${this.label}  ${bar}  ${count}/${total.toLocaleString("en-US")} users  ${Math.floor(ratio * 100)}%`;
  }
}
