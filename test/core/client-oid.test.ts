import { expect } from '@open-wc/testing';
import { CLIENT_OID_PATTERN, isValidClientOid, newClientOid } from '../../src/core/client-oid.js';

describe('clientOid', () => {
  it('is at most 40 chars of [A-Za-z0-9_-] and unique', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const oid = newClientOid();
      expect(oid.length).to.be.at.most(40);
      expect(CLIENT_OID_PATTERN.test(oid), oid).to.equal(true);
      seen.add(oid);
    }
    expect(seen.size).to.equal(1000);
  });

  it('rejects ids the venue would reject', () => {
    expect(isValidClientOid('a'.repeat(40))).to.equal(true);
    expect(isValidClientOid('a'.repeat(41))).to.equal(false);
    expect(isValidClientOid('has space')).to.equal(false);
    expect(isValidClientOid('../x')).to.equal(false);
    expect(isValidClientOid('')).to.equal(false);
  });
});
