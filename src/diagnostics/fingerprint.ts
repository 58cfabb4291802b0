// A finding's fingerprint: the same finding gives the same fingerprint on every run and every machine, so that a
// dashboard (SARIF's partialFingerprints, GitLab's fingerprint) or a reviewer's baseline can follow it across reruns.
//
// The hash is SHA-256, written here plainly over the UTF-8 bytes of TextEncoder (FIPS 180-4): the ground floor imports
// no Node module, so the core still runs in a browser, and the test compares it with node:crypto. SHA-256 rather than
// a small non-cryptographic hash (FNV-1a) because a fingerprint is an identity kept for years across thousands of
// findings: a collision would merge two findings on a dashboard, and 256 bits make that a non-event.

import type { Diagnostic } from './diagnostic';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return sha256OfBytes(new TextEncoder().encode(text));
}

/**
 * SHA-256 of bytes, as 64 lowercase hex digits: also the file's hash on the filer's page's printed result, where
 * crypto.subtle is missing (a browser gives it only in a secure context, and a page opened over plain HTTP from an
 * intranet server is not one).
 */
export function sha256OfBytes(bytes: Uint8Array): string {
  // The message, a 1 bit, zeros, and its length in bits as 64 bits big-endian: a whole number of 64-byte blocks.
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = bytes.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(length - 4, bits >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let block = 0; block < length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = (w[t - 16] as number) + s0 + (w[t - 7] as number) + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const choice = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + choice + (K[t] as number) + (w[t] as number)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + majority) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + hh;
  }
  return [...h].map((word) => word.toString(16).padStart(8, '0')).join('');
}

/** What identifies a finding across runs: its rule, its file, its place in the model and which of its messages. */
export interface FindingIdentity {
  ruleId: string;
  /** The file as the output names it (a path relative to the working folder where possible). */
  file: string;
  pointer: string;
  messageId: string;
}

/**
 * The fingerprint of a finding: SHA-256 over its identity, the parts joined unambiguously (as a JSON array). The
 * message's words, params and severity are left out, so rewording a message, a language or a regraded rule keeps it.
 * `occurrence` tells apart findings whose identity is the same in one file (1 for the first, left out of the hash).
 */
export function findingFingerprint(identity: FindingIdentity, occurrence = 1): string {
  const parts = [identity.ruleId, identity.file, identity.pointer, identity.messageId];
  return sha256Hex(JSON.stringify(occurrence === 1 ? parts : [...parts, occurrence]));
}

/**
 * A fingerprint per diagnostic of one file (SARIF, GitLab), or of one report (a baseline keys it by agency and year):
 * findingFingerprint of rule, file or report, pointer and message id. Two findings of one identity there (the same
 * message at the same pointer, as reading may give) are told apart by their order.
 */
export function fingerprintsOf(path: string, diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const { ruleId, pointer, messageId } = diagnostic;
    const key = JSON.stringify([ruleId, pointer, messageId]);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return findingFingerprint({ ruleId, file: path, pointer, messageId }, occurrence);
  });
}
