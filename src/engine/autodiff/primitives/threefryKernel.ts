// The Threefry-2x32 block cipher, 20 rounds, on Uint32Arrays directly: no interpreter and no
// array allocation per round, so hashing a million counters stays fast. No imports, so tests
// (and the primitive's rules) can load it without the rule table.

/** The rotation distances, alternating between the two rows every four rounds. */
const ROTATIONS = [
  [13, 15, 26, 6],
  [17, 29, 16, 24],
] as const;

/** The key-schedule parity constant of Threefry (Skein's C240 truncated to 32 bits). */
const PARITY = 0x1bd11bda;

/**
 * Hashes counters (x0[i], x1[i]) under keys (k0[i], k1[i]) into out0[i], out1[i]. Twenty
 * rounds in five groups of four; after each group the next key words of the schedule
 * (k0, k1, k0^k1^PARITY taken cyclically) and the group number are injected.
 */
export function threefry2x32Kernel(
  k0: Uint32Array, k1: Uint32Array, x0: Uint32Array, x1: Uint32Array, out0: Uint32Array, out1: Uint32Array,
): void {
  for (let i = 0; i < out0.length; i++) {
    const ks = [k0[i], k1[i], (k0[i] ^ k1[i] ^ PARITY) >>> 0];
    let a = (x0[i] + ks[0]) >>> 0;
    let b = (x1[i] + ks[1]) >>> 0;
    for (let group = 0; group < 5; group++) {
      for (const r of ROTATIONS[group % 2]) {
        a = (a + b) >>> 0;
        b = (((b << r) | (b >>> (32 - r))) ^ a) >>> 0;
      }
      a = (a + ks[(group + 1) % 3]) >>> 0;
      b = (b + ks[(group + 2) % 3] + group + 1) >>> 0;
    }
    out0[i] = a;
    out1[i] = b;
  }
}
