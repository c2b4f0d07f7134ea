import { describe, expect, it } from 'vitest';
import { parseCrawl, parseExtract, parseRun } from '../src/options.ts';
import { UsageError } from '../src/usage.ts';

describe('ledgerlift crawl options', () => {
  it('reads repeatable filters and limits', () => {
    const parsed = parseCrawl([
      'https://example.gov.cn/zwgk/index.html',
      '--out',
      'store',
      '--keyword',
      '决算',
      '--year',
      '2022',
      '--year',
      '2023',
      '--type',
      '.PDF',
      '--max-bytes',
      '1000',
      '--interval-ms',
      '0',
      '--ignore-robots',
    ]);
    expect(parsed).toMatchObject({
      listingUrls: ['https://example.gov.cn/zwgk/index.html'],
      out: 'store',
      keywords: ['决算'],
      years: ['2022', '2023'],
      fileTypes: ['pdf'],
      maxBytes: 1000,
      perHostIntervalMs: 0,
      respectRobots: false,
    });
  });

  it('rejects bad usage with a reason', () => {
    expect(() => parseCrawl(['https://example.gov.cn/'])).toThrow(
      new UsageError('missing --out <store folder>', 'crawl'),
    );
    expect(() => parseCrawl(['ftp://example.gov.cn/', '--out', 's'])).toThrow(/not an http\(s\) URL/);
    expect(() => parseCrawl(['https://example.gov.cn/', '--out', 's', '--max-pages', '0'])).toThrow(
      /--max-pages must be a positive integer/,
    );
    expect(() => parseCrawl([])).toThrow(/missing the listing page URL/);
    expect(parseCrawl(['--help'])).toBe('help');
  });
});

describe('OCR options of run and extract', () => {
  it('choose the engine and the language data folder', () => {
    expect(parseRun(['corpus', '--ocr-engine', 'cli', '--tessdata', '/data/tess'])).toMatchObject({
      ocr: { engine: 'cli', tessdata: '/data/tess' },
    });
    expect(parseExtract(['scan.png'])).toEqual({ file: 'scan.png', ocr: {} });
  });

  it('reject an unknown engine', () => {
    expect(() => parseExtract(['scan.png', '--ocr-engine', 'abbyy'])).toThrow(
      new UsageError('--ocr-engine must be "tesseract.js" or "cli", got "abbyy"', 'extract'),
    );
  });
});
