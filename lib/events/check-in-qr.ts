// The QR code drawn around a check-in code: SVG for pages (sharp at any size,
// printed lists included), PNG for e-mail (mail clients do not show SVG).
// Error correction M survives a scratched print or a glare on a phone screen.
// No "server-only" marker: the e-mail sender draws the PNG in the worker too.
import QRCode from "qrcode";

export async function checkInQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export async function checkInQrPng(code: string): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await QRCode.toBuffer(code, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 320 });
  return new Uint8Array(buffer);
}
