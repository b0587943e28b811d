/** KuCoin: "clientOid ... length cannot exceed 40 characters", letters, digits, `_` and `-`. */
export const CLIENT_OID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** A fresh client order id: `mk` + a v4 UUID without dashes (34 chars). */
export function newClientOid(): string {
  return `mk${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}

export function isValidClientOid(value: string): boolean {
  return CLIENT_OID_PATTERN.test(value);
}
