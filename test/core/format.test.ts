import { expect } from '@open-wc/testing';
import { Decimal } from '../../src/core/decimal.js';
import { annualToHourly, decimalFormatter, decimalsOf, decimalTextFormatter, formatAmount, formatDateTime, formatDecimal, formatRate, interestFor } from '../../src/core/format.js';

describe('format', () => {
  it('decimalsOf reads the precision an increment implies', () => {
    expect(decimalsOf('0.00001000')).to.equal(5);
    expect(decimalsOf('0.01')).to.equal(2);
    expect(decimalsOf('1')).to.equal(0);
    expect(decimalsOf('10')).to.equal(0);
    expect(decimalsOf(new Decimal('1e-8'))).to.equal(8);
  });

  it('formats at the increment precision, localized', () => {
    expect(formatDecimal('3000.1', { locale: 'en-US', increment: '0.01' })).to.equal('3,000.10');
    expect(formatDecimal('3000.1', { locale: 'de-DE', increment: '0.01' })).to.equal('3.000,10');
    expect(formatDecimal('0.5', { locale: 'en-US', increment: '0.00001000' })).to.equal('0.50000');
  });

  it('never loses digits to a float', () => {
    // 2^53 + 1 is not a double; 20 significant digits are not either
    expect(formatDecimal('9007199254740993', { locale: 'en-US', increment: '1' })).to.equal('9,007,199,254,740,993');
    expect(formatDecimal('12345678901.123456789', { locale: 'en-US', increment: '0.000000001' })).to.equal(
      '12,345,678,901.123456789',
    );
  });

  it('formats the decimal text of a value exactly as the value', () => {
    const options = { locale: 'de-DE', increment: '0.001' };
    const byText = decimalTextFormatter(options);
    const byValue = decimalFormatter(options);
    for (const text of ['9007199254740993.0005', '-0.0005', '0', '12.3456']) expect(byText(text)).to.equal(byValue(new Decimal(text)));
    expect(byText('9007199254740993.0005')).to.equal('9.007.199.254.740.993,001');
    const percent = decimalTextFormatter({ locale: 'en-US', increment: '0.01', intl: { style: 'percent', signDisplay: 'exceptZero' } });
    expect([percent('0.0123'), percent('-0.004'), percent('0')]).to.deep.equal(['+1.23%', '-0.40%', '0.00%']);
  });

  it('truncates balances instead of rounding them up', () => {
    expect(formatDecimal('1.239', { locale: 'en-US', maxDecimals: 2, truncate: true })).to.equal('1.23');
    expect(formatDecimal('1.239', { locale: 'en-US', maxDecimals: 2 })).to.equal('1.24');
  });

  it('formats rates as percentages per period', () => {
    expect(formatRate('0.05', 'annual', { locale: 'en-US' })).to.equal('5.00%');
    expect(formatRate('0.064', 'annual', { locale: 'en-US' })).to.equal('6.40%');
    expect(formatRate('0.0005', 'daily', { locale: 'en-US' })).to.equal('0.0500%');
    expect(formatRate('0.0523', 'annual', { locale: 'en-US' })).to.equal('5.23%');
    expect(formatRate('0.00208334', 'hourly', { locale: 'en-US' })).to.equal('0.2083%');
    expect(formatRate('0.000123', 'daily', { locale: 'de-DE' })).to.match(/^0,0123\s?%$/);
  });

  it('shows a rule\'s rate with only the digits it has', () => {
    expect(formatRate('0.0001', 'annual', { locale: 'en-US', decimals: 4, trim: true })).to.equal('0.01%');
    expect(formatRate('0.97', 'annual', { locale: 'en-US', trim: true })).to.equal('97%');
    expect(formatRate('0.97', 'annual', { locale: 'en-US' })).to.equal('97.00%');
  });

  it('computes interest exactly', () => {
    expect(interestFor(new Decimal('1000'), new Decimal('0.00208334'), 24).toString()).to.equal('50.00016');
    expect(annualToHourly(new Decimal('0.0876')).toString()).to.equal('0.00001');
  });
});

describe('relativeChange', () => {
  it('is (value - base) / base at display precision, undefined from zero', async () => {
    const { relativeChange } = await import('../../src/core/format.js');
    expect(relativeChange(new Decimal('110'), new Decimal('100'))?.toString()).to.equal('0.1');
    expect(relativeChange(new Decimal('1'), new Decimal('3'))?.toString()).to.equal('-0.666666666667');
    expect(relativeChange(new Decimal('5'), new Decimal('0'))).to.equal(undefined);
  });

  it('the written fast path gives exactly what Intl gives, across locales, increments and rounding edges', () => {
    const texts = [
      '0', '5', '12', '999', '1000', '1234', '12345', '123456', '1234567', '99999.995', '0.5', '0.05', '0.004999',
      '0.005', '0.0049', '1.5', '2.5', '9.99', '999.9999', '67250.41', '67250.4150', '0.00001234', '0.000012345',
      '123456789012345678901234.123456789', '1e-7', '-1.25', '-0.001', '0.1000', '10.000001',
    ];
    for (const locale of [undefined, 'en-US', 'de-DE', 'fr-FR', 'de-CH', 'es-ES', 'en-IN', 'ar-EG', 'ja-JP', 'pt-BR']) {
      for (const increment of ['1', '10', '0.1', '0.01', '0.0001', '0.00000001']) {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: decimalsOf(increment), maximumFractionDigits: decimalsOf(increment) });
        const format = decimalTextFormatter({ locale, increment });
        for (const text of texts) expect(format(text), `${locale} ${increment} ${text}`).to.equal(intl.format(text as unknown as number));
      }
      for (const maxDecimals of [0, 2, 8]) {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: maxDecimals });
        const format = decimalTextFormatter({ locale, maxDecimals });
        for (const text of texts) expect(format(text), `${locale} max ${maxDecimals} ${text}`).to.equal(intl.format(text as unknown as number));
      }
    }
  });
});

describe('formatDateTime: one date/time style for the kit', () => {
  // 13:07:09 UTC: the same calendar day in every time zone from UTC-13 to UTC+10.
  const ms = Date.UTC(2026, 0, 5, 13, 7, 9);

  it('medium date and a short time; seconds only when asked', () => {
    const plain = formatDateTime(ms, { locale: 'en-US' });
    expect(plain).to.match(/^Jan 5, 2026, \d{1,2}:\d{2}\s[AP]M$/);
    expect(plain).to.not.contain(':09');
    const withSeconds = formatDateTime(ms, { locale: 'en-US', seconds: true });
    expect(withSeconds).to.match(/^Jan 5, 2026, \d{1,2}:\d{2}:09\s[AP]M$/);
  });

  it('follows the locale', () => {
    expect(formatDateTime(ms, { locale: 'de-DE' })).to.match(/^05\.01\.2026, \d{2}:\d{2}$/);
    expect(formatDateTime(ms, { locale: 'de-DE', seconds: true })).to.match(/^05\.01\.2026, \d{2}:\d{2}:09$/);
  });

  it('the same options give the same text (one formatter per locale and style)', () => {
    expect(formatDateTime(ms, { locale: 'es' })).to.equal(formatDateTime(ms, { locale: 'es' }));
    expect(formatDateTime(ms, { locale: 'es' })).to.not.equal(formatDateTime(ms, { locale: 'en-US' }));
  });
});

describe('formatAmount: quantities at their increment, without padding', () => {
  it('never more digits than the increment, none of its padding zeros', () => {
    expect(formatAmount('0.01000000', '0.00000001', { locale: 'en-US' })).to.equal('0.01');
    expect(formatAmount('636.723000', '0.000001', { locale: 'en-US' })).to.equal('636.723');
    expect(formatAmount('0.123456789', '0.0001', { locale: 'en-US' })).to.equal('0.1235');
    expect(formatAmount('0.123456789', '0.0001', { locale: 'en-US', truncate: true })).to.equal('0.1234');
    expect(formatAmount('1234.5', '1', { locale: 'de-DE' })).to.equal('1.235');
  });

  it('a fee without an increment: at most 8 digits (the currency precision), not the 12 it came with', () => {
    expect(formatAmount('9.999999865838', undefined, { locale: 'en-US' })).to.equal('9.99999987');
    expect(formatAmount('9.999999865838', '0.000001', { locale: 'en-US' })).to.equal('10');
  });
});
