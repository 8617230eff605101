// Measuring a benchmark step in a child process of its own, so that its memory is its alone.
// Node built-ins only: whatever this module imports would count in the child's memory.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** This process's peak resident memory so far (Linux VmHWM), in MB. */
export function peakRssMb(): number {
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024);
}

/**
 * Runs a benchmark script again in a child process (so its memory is measured alone) with
 * `args`, and resolves with the JSON line it printed.
 */
export function runBenchStep<Result>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script, ...args], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const result = output.split("\n").find((text) => text.startsWith("{"));
      if (code === 0 && result) resolve(JSON.parse(result) as Result);
      else reject(new Error(`${args.join(" ")} exited with code ${code}: ${output}`));
    });
  });
}
