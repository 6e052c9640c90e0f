import jsQR from 'jsqr';

/**
 * Reads a QR code from the camera: the browser's BarcodeDetector where there is one (Android Chrome,
 * Safari), otherwise jsQR over canvas frames (desktop Chromium and Firefox have no detector).
 */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorCtor | undefined {
  return (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
}

export function cameraDecodingSupported(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

function readFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) return null;
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, w, h);
  const image = ctx.getImageData(0, 0, w, h);
  return jsQR(image.data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

export async function decodeQrFromVideo(video: HTMLVideoElement, cancelled: () => boolean): Promise<string | null> {
  const Detector = detectorClass();
  const detector = Detector ? new Detector({ formats: ['qr_code'] }) : null;
  const canvas = document.createElement('canvas');
  while (!cancelled()) {
    try {
      if (detector) {
        const found = await detector.detect(video);
        if (found[0]?.rawValue) return found[0].rawValue;
      } else {
        const text = readFrame(video, canvas);
        if (text) return text;
      }
    } catch {
      /* the frame was not ready; try the next one */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}
