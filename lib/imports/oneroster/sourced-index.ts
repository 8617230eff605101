// What matching needs to know about every sourcedId of one entity, in the roster and in the
// file: an open-addressing table in typed arrays, keyed by a 64-bit hash of the sourcedId.
// A district of 100,000 users and their enrollments holds about half a million of these; as
// strings in a Map they took about 35 MB of JavaScript heap, which the garbage collector lets
// grow to several times that before it collects. Typed arrays live outside that heap.
// Two sourcedIds of one import share a hash about once in 10^9 imports of that size.

const EXISTS = 1;
/** The roster's row is active. */
const ACTIVE = 2;
/** A bulk file retires the row when it lacks it (users: only those this way in created). */
const RETIRABLE = 4;
/** The person was merged into another: the record stays retired and is not written. */
const MERGED = 8;
const SEEN = 16;
/** Seen in the file on a row without errors. */
const VALID = 32;
const USED = 64;

export type ExistingRow = { active: boolean; retirable: boolean; merged: boolean; hash: number };

export class SourcedIdIndex {
  private capacity = 1024;
  private count = 0;
  private keysHigh = new Uint32Array(this.capacity);
  private keysLow = new Uint32Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private hashes = new Float64Array(this.capacity);
  private lines = new Int32Array(this.capacity);

  addExisting(sourcedId: string, state: ExistingRow): void {
    const slot = this.slotFor(sourcedId);
    this.flags[slot] = USED | EXISTS | (state.active ? ACTIVE : 0) | (state.active && state.retirable ? RETIRABLE : 0) | (state.merged ? MERGED : 0);
    this.hashes[slot] = state.hash;
  }

  /** The row's slot, or undefined when neither the roster nor the file so far has it. */
  get(sourcedId: string): number | undefined {
    const slot = this.find(sourcedId);
    return this.flags[slot] === 0 ? undefined : slot;
  }

  exists = (slot: number) => (this.flags[slot]! & EXISTS) !== 0;
  active = (slot: number) => (this.flags[slot]! & ACTIVE) !== 0;
  merged = (slot: number) => (this.flags[slot]! & MERGED) !== 0;
  seen = (slot: number) => (this.flags[slot]! & SEEN) !== 0;
  hash = (slot: number) => this.hashes[slot]!;
  line = (slot: number) => this.lines[slot]!;

  /** Whether a reference to the sourcedId resolves: to a row in the roster, or a valid row of the file. */
  resolves(sourcedId: string): boolean {
    return (this.flags[this.find(sourcedId)]! & (EXISTS | VALID)) !== 0;
  }

  markSeen(sourcedId: string, line: number, valid: boolean): void {
    const slot = this.slotFor(sourcedId);
    this.flags[slot]! |= USED | SEEN | (valid ? VALID : 0);
    this.lines[slot] = line;
  }

  /** Whether a bulk file without this row retires it: in the roster, active, retirable, and not in the file. */
  retiredByBulk(sourcedId: string): boolean {
    return (this.flags[this.find(sourcedId)]! & (RETIRABLE | SEEN)) === RETIRABLE;
  }

  /** How many rows a bulk file retires (see retiredByBulk). */
  countRetiredByBulk(): number {
    let retired = 0;
    for (let slot = 0; slot < this.capacity; slot++) if ((this.flags[slot]! & (RETIRABLE | SEEN)) === RETIRABLE) retired++;
    return retired;
  }

  /** The sourcedId's slot: its own, or the empty one where it belongs. */
  private find(sourcedId: string): number {
    const [high, low] = hash64(sourcedId);
    const mask = this.capacity - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      if (this.flags[slot] === 0 || (this.keysHigh[slot] === high && this.keysLow[slot] === low)) return slot;
    }
  }

  private slotFor(sourcedId: string): number {
    let slot = this.find(sourcedId);
    if (this.flags[slot] !== 0) return slot;
    if ((this.count + 1) * 2 > this.capacity) {
      this.grow();
      slot = this.find(sourcedId);
    }
    const [high, low] = hash64(sourcedId);
    this.keysHigh[slot] = high;
    this.keysLow[slot] = low;
    this.flags[slot] = USED;
    this.count++;
    return slot;
  }

  private grow(): void {
    const old = { keysHigh: this.keysHigh, keysLow: this.keysLow, flags: this.flags, hashes: this.hashes, lines: this.lines, capacity: this.capacity };
    this.capacity *= 2;
    this.keysHigh = new Uint32Array(this.capacity);
    this.keysLow = new Uint32Array(this.capacity);
    this.flags = new Uint8Array(this.capacity);
    this.hashes = new Float64Array(this.capacity);
    this.lines = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let from = 0; from < old.capacity; from++) {
      if (old.flags[from] === 0) continue;
      let slot = old.keysLow[from]! & mask;
      while (this.flags[slot] !== 0) slot = (slot + 1) & mask;
      this.keysHigh[slot] = old.keysHigh[from]!;
      this.keysLow[slot] = old.keysLow[from]!;
      this.flags[slot] = old.flags[from]!;
      this.hashes[slot] = old.hashes[from]!;
      this.lines[slot] = old.lines[from]!;
    }
  }
}

const pair: [number, number] = [0, 0];

/** Two independent 32-bit lanes (cyrb53's mixing, kept whole): 64 bits of hash without allocating. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  pair[0] = h1 >>> 0;
  pair[1] = h2 >>> 0;
  return pair;
}
