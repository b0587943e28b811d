import { expect } from '@open-wc/testing';
import { hmacSha256, sha256 } from '../../src/core/hmac-sha256.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const encoder = new TextEncoder();

/** The reference: the platform's Web Crypto. */
async function webCryptoHmac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message))));
}

describe('hmacSha256', () => {
  it('matches FIPS 180-4 SHA-256 vectors', () => {
    expect(hex(sha256(encoder.encode('')))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(encoder.encode('abc')))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(encoder.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).to.equal(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches RFC 4231 test case 2', () => {
    expect(hex(hmacSha256('Jefe', 'what do ya want for nothing?'))).to.equal(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches Web Crypto for every message length across the block and padding boundaries, and for long and non-ASCII keys', async () => {
    const keys = ['k', 'kc-secret-0123456789', 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(200), 'sécret-€-😀'];
    for (const key of keys) {
      for (let length = 0; length <= 200; length += key.length % 2 === 0 ? 1 : 3) {
        const message = Array.from({ length }, (_, i) => (i % 17 === 16 ? 'é' : String.fromCharCode(33 + ((i * 7) % 90)))).join('');
        expect(hex(hmacSha256(key, message)), `key ${key.length}, message ${length}`).to.equal(await webCryptoHmac(key, message));
      }
    }
  });
});
