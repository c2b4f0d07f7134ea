/**
 * Grey raster images for OCR. Pixels go to the recognizer as PGM (a 15-byte header on raw bytes), which
 * Leptonica reads directly: no PNG encode/decode on the hot path.
 */

/** An 8-bit greyscale image, row-major, 0 = black. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Grey of one pixel: strongly red pixels take their red channel, so red seals (公章) fade to paper. */
function greyOf(r: number, g: number, b: number): number {
  return r - Math.max(g, b) > 25 ? r : 0.299 * r + 0.587 * g + 0.114 * b;
}

/**
 * Convert RGBA pixels (as a canvas gives them) to grey, compositing transparency onto white. Strongly red
 * pixels take their red channel: red seals (公章) printed over tables fade to paper, black ink under them stays dark.
 */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; i += 4, p += 1) {
    const alpha = rgba[i + 3]! / 255;
    data[p] = Math.round(greyOf(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!) * alpha + 255 * (1 - alpha));
  }
  return { width, height, data };
}

/** Convert packed RGB pixels (PPM) to grey the same way (red seals fade). */
export function greyFromRgb(rgb: Uint8Array, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; i += 3, p += 1)
    data[p] = Math.round(greyOf(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!));
  return { width, height, data };
}

/** Encode as binary PGM (P5). */
export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(image: GreyImage): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of image.data) histogram[v]! += 1;
  const total = image.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t += 1) sumAll += t * histogram[t]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t += 1) {
    weightBack += histogram[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Ink mask: 1 where the pixel is darker than the threshold. */
export function binarize(image: GreyImage, threshold = otsuThreshold(image)): Uint8Array {
  const mask = new Uint8Array(image.data.length);
  for (let i = 0; i < mask.length; i += 1) mask[i] = image.data[i]! <= threshold ? 1 : 0;
  return mask;
}

/** Rotate by `degrees` (counter-clockwise positive) about the centre, bilinear, keeping the size; paper fills the corners. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height).fill(255);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  // Inverse mapping: output pixel (x, y) comes from (cos·dx − sin·dy + cx, sin·dx + cos·dy + cy), linear in x.
  for (let y = 0; y < height; y += 1) {
    const dy = y - cy;
    let sx = -cos * cx - sin * dy + cx;
    let sy = -sin * cx + cos * dy + cy;
    for (let x = 0; x < width; x += 1, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[y * width + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}
