'use client';
import encodeQR from 'qr';

/**
 * The otpauth URI as a QR code, drawn as one SVG path from the module matrix (no canvas, no inline HTML).
 * Loaded lazily by `MfaSetupForm`: the QR library costs nothing until MFA setup appears.
 */
export default function TotpQrCode({ uri, label, size = 200 }: { uri: string; label: string; size?: number }) {
  const modules = encodeQR(uri, 'raw', { ecc: 'medium' });
  let d = '';
  modules.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules.length} ${modules.length}`} shapeRendering="crispEdges" data-qr-code="">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
