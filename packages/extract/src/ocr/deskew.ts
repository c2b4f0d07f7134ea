/**
 * Skew estimation for scans turned by a degree or two: the angle whose row projection of ink is sharpest
 * (ruling lines and text baselines line up into few rows).
 */
import { binarize, type GreyImage } from './raster.ts';

/** Estimated skew in degrees within ±maxDegrees (rotate by the negative to straighten). */
export function estimateSkew(image: GreyImage, maxDegrees = 3, step = 0.1): number {
  const factor = Math.max(1, Math.floor(Math.min(image.width, image.height) / 1000));
  const mask = binarize(image);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += factor) {
    for (let x = 0; x < image.width; x += factor) {
      if (mask[y * image.width + x]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return 0;
  let bestAngle = 0;
  let bestScore = -1;
  const bins = new Float64Array(Math.ceil(image.height / factor) + Math.ceil(image.width / factor) + 2);
  for (let k = -Math.round(maxDegrees / step); k <= Math.round(maxDegrees / step); k += 1) {
    const angle = k * step;
    const slope = Math.tan((angle * Math.PI) / 180);
    bins.fill(0);
    const offset = Math.ceil(image.width / factor) * Math.abs(slope) + 1;
    for (let i = 0; i < xs.length; i += 1) {
      const row = Math.round((ys[i]! - slope * xs[i]!) / factor + offset);
      if (row >= 0 && row < bins.length) bins[row]! += 1;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      bestAngle = angle;
    }
  }
  return Math.round(bestAngle * 100) / 100;
}
