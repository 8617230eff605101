// Writes a stream to a file while counting its bytes and computing its SHA-256, so the
// delivery log's figures come from the bytes written, without reading the file again.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type WrittenFile = { bytes: number; sha256: string };

export async function writeHashed(source: Readable | AsyncIterable<Buffer>, filePath: string): Promise<WrittenFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(source, measure, createWriteStream(filePath));
  return { bytes, sha256: hash.digest("hex") };
}
