/**
 * One venue call and the reading of its answer, shared by every endpoint function: the request
 * goes out with the caller's signal, and `data` is opened at the boundary by a FieldReader that
 * names the endpoint in any error (`getOpenOrders[3].price: expected a decimal`).
 */
import type { HttpMethod } from '../core/endpoints.js';
import type { CallOptions } from './kucoin/types.js';
import { FieldReader } from './read.js';
import type { Transport, VenueRequest } from './transport.js';

/** A request and the endpoint name its errors carry. */
export interface Call extends Omit<VenueRequest, 'signal'> {
  name: string;
}

/** A KuCoin call (`query` for GET and DELETE, `body` for POST). */
export function kucoin(name: string, method: HttpMethod, path: string, request: Pick<Call, 'query' | 'body'> = {}): Call {
  return { name, venue: 'kucoin', method, path, ...request };
}

/** A BitMart call. */
export function bitmart(name: string, method: HttpMethod, path: string, request: Pick<Call, 'query' | 'body'> = {}): Call {
  return { name, venue: 'bitmart', method, path, ...request };
}

/** Sends the call; resolves with the envelope's `data`, unread. */
export function send(transport: Transport, { name: _name, ...request }: Call, options: CallOptions = {}): Promise<unknown> {
  return transport.send({ ...request, signal: options.signal });
}

/** Sends the call and reads `data` as one object. */
export async function sendForObject<T>(transport: Transport, call: Call, options: CallOptions, read: (r: FieldReader) => T): Promise<T> {
  return read(FieldReader.of(await send(transport, call, options), call.name));
}

/** Sends the call and reads `data` as a list of objects. */
export async function sendForList<T>(transport: Transport, call: Call, options: CallOptions, read: (r: FieldReader) => T): Promise<T[]> {
  return FieldReader.listOf(await send(transport, call, options), call.name, read);
}
