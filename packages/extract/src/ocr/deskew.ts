/**
 * Skew estimation for scans turned by a degree or two: the angle whose row projection of ink is sharpest
 * (ruling lines and text baselines line up into few rows).
 */
import { type GreyImage, otsuThreshold } from './raster.ts';

/** Every `factor`-th pixel of every `factor`-th row. */
function subsample(image: GreyImage, factor: number): GreyImage {
  if (factor === 1) return image;
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * factor * image.width;
    for (let x = 0; x < width; x += 1) data[y * width + x] = image.data[row + x * factor]!;
  }
  return { width, height, data };
}

/** Estimated skew in degrees within ±maxDegrees (rotate by the negative to straighten). */
export function estimateSkew(image: GreyImage, maxDegrees = 3, step = 0.1): number {
  // 800 or more samples across the short side (every other pixel from 200 DPI up) place lines to under 0.1°.
  const factor = Math.max(1, Math.floor(Math.min(image.width, image.height) / 800));
  // Only every factor-th pixel is looked at, so only those are thresholded (a full-page mask costs more than the sweep).
  const sample = subsample(image, factor);
  const threshold = otsuThreshold(sample);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < sample.height; y += 1) {
    for (let x = 0; x < sample.width; x += 1) {
      if (sample.data[y * sample.width + x]! <= threshold) {
        xs.push(x * factor);
        ys.push(y * factor);
      }
    }
  }
  if (xs.length === 0) return 0;
  const bins = new Float64Array(Math.ceil(image.height / factor) + Math.ceil(image.width / factor) + 2);
  const sharpness = (angle: number): number => {
    const slope = Math.tan((angle * Math.PI) / 180);
    bins.fill(0);
    const offset = Math.ceil(image.width / factor) * Math.abs(slope) + 1;
    for (let i = 0; i < xs.length; i += 1) {
      const row = Math.round((ys[i]! - slope * xs[i]!) / factor + offset);
      if (row >= 0 && row < bins.length) bins[row]! += 1;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    return score;
  };
  // Coarse to fine: the sharpness falls off steadily away from the true angle, so a 5× coarser sweep
  // followed by a fine one around its best finds the same angle with a third of the work.
  const best = (angles: number[]) => {
    let bestAngle = 0;
    let bestScore = -1;
    for (const angle of angles) {
      const score = sharpness(angle);
      if (score > bestScore) {
        bestScore = score;
        bestAngle = angle;
      }
    }
    return bestAngle;
  };
  const coarseStep = step * 5;
  const coarse = best(
    Array.from(
      { length: 2 * Math.round(maxDegrees / coarseStep) + 1 },
      (_, i) => (i - Math.round(maxDegrees / coarseStep)) * coarseStep,
    ),
  );
  const fine = best(
    Array.from({ length: 11 }, (_, i) => coarse + (i - 5) * step).filter((a) => Math.abs(a) <= maxDegrees + 1e-9),
  );
  return Math.round(fine * 100) / 100;
}
