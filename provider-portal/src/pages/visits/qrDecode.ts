/**
 * Reads a QR code from the camera with the browser's BarcodeDetector where there is one (Android
 * Chrome, Safari); elsewhere the page offers the number field, which card readers also type into.
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
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && !!detectorClass();
}

export async function decodeQrFromVideo(video: HTMLVideoElement, cancelled: () => boolean): Promise<string | null> {
  const Detector = detectorClass();
  if (!Detector) return null;
  const detector = new Detector({ formats: ['qr_code'] });
  while (!cancelled()) {
    try {
      const found = await detector.detect(video);
      if (found[0]?.rawValue) return found[0].rawValue;
    } catch {
      /* the frame was not ready; try the next one */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}
