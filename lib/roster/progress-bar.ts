// A one-line progress bar for command-line scripts, on stderr: redrawn in place on a
// terminal, a line per tenth otherwise (CI logs, files). Small enough not to need a package.

export function renderProgress(done: number, total: number, elapsedMs: number, label: string, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const count = `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${label}`;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${count}  ${(elapsedMs / 1000).toFixed(1)} s`;
}

export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number): void {
    const now = performance.now();
    const line = renderProgress(done, this.total, now - this.started, this.label);
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      this.stream.write(`\r${line}`);
      return;
    }
    const tenth = this.total > 0 ? Math.floor((10 * done) / this.total) : 10;
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`${line}\n`);
  }

  finish(done: number): void {
    this.lastDraw = 0;
    this.update(done);
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
