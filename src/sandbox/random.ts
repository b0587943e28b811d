/** mulberry32: a small seeded PRNG, so every sandbox run with one seed is the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 24-hex-digit id, like KuCoin's order ids, from the seeded generator. */
export function hexId(random: () => number, length = 24): string {
  let id = '';
  while (id.length < length) id += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return id.slice(0, length);
}
