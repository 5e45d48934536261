import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../../src-shared/ipc/wire-message';

describe('harness wire messages', () => {
  it('stays JSON text when a message carries no bytes', () => {
    const call = { id: 3, channel: 'users.list', request: { a: [1, 'b', null] } };
    const encoded = encodeMessage(call);
    expect(typeof encoded).toBe('string');
    expect(decodeMessage(encoded)).toEqual(call);
  });

  it('carries byte arrays as bytes, wherever they sit, Buffers and views included', () => {
    const big = new Uint8Array(1_000_000).map((_, index) => index % 251);
    const view = big.subarray(10, 20);
    const call = {
      id: 9,
      channel: 'backup.put',
      request: { data: view, nested: [{ image: Buffer.from('ảnh') }, 'x'], empty: new Uint8Array(0) },
    };
    const encoded = encodeMessage(call);
    expect(encoded).toBeInstanceOf(Uint8Array);
    // Only the view's ten bytes travel, not the megabyte behind them, and no base64.
    expect((encoded as Uint8Array).length).toBeLessThan(200);
    const decoded = decodeMessage((encoded as Uint8Array).slice().buffer) as typeof call;
    expect([...decoded.request.data]).toEqual([...view]);
    expect(new TextDecoder().decode((decoded.request.nested[0] as { image: Uint8Array }).image)).toBe('ảnh');
    expect(decoded.request.empty).toHaveLength(0);
    expect(decoded.request.nested[1]).toBe('x');
  });

  it('refuses a frame that is short, overlong or names bytes it does not hold', () => {
    const frame = encodeMessage({ data: new Uint8Array([1, 2, 3]) }) as Uint8Array;
    expect(() => decodeMessage(frame.subarray(0, frame.length - 1))).toThrow('short frame');
    expect(() => decodeMessage(new Uint8Array([...frame, 0]))).toThrow('longer');
    expect(() => decodeMessage(new Uint8Array([1, 0]))).toThrow('short frame');
    const head = new TextEncoder().encode('{"value":{"data":{"$bytes":1}},"bytes":[0]}');
    const forged = new Uint8Array(4 + head.length);
    new DataView(forged.buffer).setUint32(0, head.length, true);
    forged.set(head, 4);
    expect(() => decodeMessage(forged)).toThrow('missing bytes');
  });
});
