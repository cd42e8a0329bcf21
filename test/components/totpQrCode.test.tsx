// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import decodeQR from 'qr/decode.js';
import { afterEach, describe, expect, it } from 'vitest';
import TotpQrCode from '../../src/components/MfaSetupForm/TotpQrCode.js';

afterEach(cleanup);

/**
 * What a camera would see: the drawn SVG (its white square, then each `M x y h1v1h-1z` square of its path)
 * as an RGB image, 6 pixels a module, inside a white margin.
 */
function photograph(svg: Element): { width: number; height: number; data: Uint8Array } {
  const [, , span] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  const scale = 6;
  const margin = 4;
  const side = (span! + 2 * margin) * scale;
  const data = new Uint8Array(side * side * 3).fill(255);
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  const squares = [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)];
  expect(squares.map((m) => m[0]).join('')).toBe(d);
  for (const [, mx, my] of squares) {
    for (let py = 0; py < scale; py++) {
      const row = (Number(my) + margin) * scale + py;
      const start = (row * side + (Number(mx) + margin) * scale) * 3;
      data.fill(0, start, start + scale * 3);
    }
  }
  return { width: side, height: side, data };
}

/** Decodes the image with ZXing's QR reader, as a camera app built on ZXing would. */
function zxing({ width, height, data }: { width: number; height: number; data: Uint8Array }): string {
  const gray = new Uint8ClampedArray(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i * 3]!;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, width, height)));
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, false]])).getText();
}

describe('the authenticator-app QR code (TotpQrCode)', () => {
  it.each([
    ['a plain account', 'otpauth://totp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example'],
    [
      'a long issuer and user name (a bigger symbol)',
      `otpauth://totp/${encodeURIComponent('Acme Corporation Staff Portal')}:${encodeURIComponent('a.very.long.user.name+totp@subdomain.example.co.uk')}?secret=${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(2)}&issuer=${encodeURIComponent('Acme Corporation Staff Portal')}`,
    ],
    ['non-ASCII text, as UTF-8', 'otpauth://totp/Café Zürich:josé?secret=JBSWY3DPEHPK3PXP&issuer=Café Zürich'],
  ])('scans back to the exact otpauth URI: %s', (_, uri) => {
    render(<TotpQrCode uri={uri} label="QR code to add this account" />);
    const svg = screen.getByRole('img', { name: 'QR code to add this account' });
    const image = photograph(svg);
    expect(decodeQR(image)).toBe(uri);
    // ZXing (the decoder of many Android authenticator apps), independent of the encoder's own family.
    expect(zxing(image)).toBe(uri);
  });

  it('is an image with the given name and size, on a white square with a quiet zone around the symbol', () => {
    render(<TotpQrCode uri="otpauth://totp/Example:bob?secret=JBSWY3DPEHPK3PXP&issuer=Example" label="Scan me" size={160} />);
    const svg = screen.getByRole('img', { name: 'Scan me' });
    expect(svg.getAttribute('width')).toBe('160');
    expect(svg.getAttribute('height')).toBe('160');
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#fff');
    const [, , span] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const d = svg.querySelector('path')?.getAttribute('d') ?? '';
    const xs = [...d.matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBe(span! - 3);
  });
});
