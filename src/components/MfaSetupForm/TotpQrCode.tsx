'use client';
import { correction, generate } from 'lean-qr/nano';

/** White modules around the symbol, so a scanner finds its edges on any background. */
const QUIET_ZONE = 2;

/**
 * The otpauth URI as a QR code (error correction M, the URI as UTF-8 bytes), drawn as one SVG path from the
 * module matrix (no canvas, no inline HTML). Loaded lazily by `MfaSetupForm`: the QR encoder costs nothing
 * until MFA setup appears, and the secret never leaves the page.
 */
export default function TotpQrCode({ uri, label, size = 200 }: { uri: string; label: string; size?: number }) {
  const code = generate(uri, { minCorrectionLevel: correction.M });
  const span = code.size + 2 * QUIET_ZONE;
  let d = '';
  for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${span} ${span}`} shapeRendering="crispEdges" data-qr-code="">
      <rect width="100%" height="100%" fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
