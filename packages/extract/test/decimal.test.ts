import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/common/amount.ts';
import { add, canonical, dec, shift, sum, toDecimalString, within } from '../src/common/decimal.ts';

describe('decimal', () => {
  it('adds exactly where floats do not', () => {
    expect(toDecimalString(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(toDecimalString(sum(['732.48', '4.39'].map(dec)))).toBe('736.87');
  });

  it('converts 万元 to 元 exactly', () => {
    expect(toDecimalString(shift(dec('732.48'), 4))).toBe('7324800');
    expect(toDecimalString(shift(dec('0.0001'), 4))).toBe('1');
    expect(toDecimalString(shift(dec('1.23456'), 4))).toBe('12345.6');
  });

  it('canonicalises', () => {
    expect(canonical('1.00')).toBe('1');
    expect(canonical('-0.00')).toBe('0');
    expect(canonical('0.050')).toBe('0.05');
    expect(canonical('-12.30')).toBe('-12.3');
  });

  it('compares within a tolerance', () => {
    expect(within(dec('736.87'), dec('736.88'), dec('0.01'))).toBe(true);
    expect(within(dec('736.87'), dec('736.89'), dec('0.01'))).toBe(false);
  });

  it('round-trips any integer and scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        (units, scale) => {
          const text = toDecimalString({ units, scale });
          expect(toDecimalString(dec(text))).toBe(text);
        },
      ),
    );
  });
});

describe('parseAmount', () => {
  it('reads thousands separators and decimals', () => {
    expect(parseAmount('7,250,557.36')).toMatchObject({ status: 'number', value: '7250557.36', decimals: 2 });
    expect(parseAmount('333,349.5')).toMatchObject({ status: 'number', value: '333349.5', decimals: 1 });
    expect(parseAmount('178,307')).toMatchObject({ status: 'number', value: '178307', decimals: 0 });
  });

  it('keeps blank, not-applicable and zero apart', () => {
    expect(parseAmount('  ').status).toBe('blank');
    expect(parseAmount('────').status).toBe('not_applicable');
    expect(parseAmount('-').status).toBe('not_applicable');
    expect(parseAmount('0.00')).toMatchObject({ status: 'number', value: '0' });
  });

  it('reads negatives and full-width digits', () => {
    expect(parseAmount('(1,200.50)').value).toBe('-1200.5');
    expect(parseAmount('-3.10').value).toBe('-3.1');
    expect(parseAmount('１２３．４５').value).toBe('123.45');
  });

  it('does not read malformed groupings or words as numbers', () => {
    expect(parseAmount('12,34').status).toBe('text');
    expect(parseAmount('合计').status).toBe('text');
    expect(parseAmount('1.2.3').status).toBe('text');
  });
});
