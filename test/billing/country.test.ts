import {
  countryDisplayName,
  normalizeCountryText,
  resolveCountry,
} from '../../src/billing/model/country';

describe('resolveCountry', () => {
  it.each([
    ['México', 'MX'],
    ['MEXICO', 'MX'],
    ['mx', 'MX'],
    ['Perú', 'PE'],
    ['PERU', 'PE'],
    ['Colombia', 'CO'],
    ['  colombia ', 'CO'],
    ['COL', 'CO'],
    ['Estados Unidos', 'US'],
    ['EE.UU.', 'US'],
    ['EEUU', 'US'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['España', 'ES'],
    ['espana', 'ES'],
    ['Spain', 'ES'],
    ['Brasil', 'BR'],
    ['Brazil', 'BR'],
    ['República Dominicana', 'DO'],
    ['Rep. Dominicana', 'DO'],
    ['Panamá', 'PA'],
    ['Alemania', 'DE'],
    ['Germany', 'DE'],
    ['Reino Unido', 'GB'],
    ['+57', 'CO'],
    ['593', 'EC'],
  ])('%s → %s', (value, expected) => {
    expect(resolveCountry(value)).toBe(expected);
  });

  it.each([['Narnia'], [''], ['Costa de Marfil y algo'], ['+1'], ['1'], ['ZZ'], ['EU']])(
    'leaves %j unresolved',
    (value) => {
      expect(resolveCountry(value)).toBeUndefined();
    },
  );

  it('leaves non-text values unresolved', () => {
    expect(resolveCountry(null)).toBeUndefined();
    expect(resolveCountry(true)).toBeUndefined();
    expect(resolveCountry(undefined)).toBeUndefined();
  });

  it('normalizes accents, case and punctuation', () => {
    expect(normalizeCountryText('  Perú (Lima) ')).toBe('peru lima');
    expect(normalizeCountryText('EE.UU.')).toBe('ee uu');
  });

  it('names markets in the UI language', () => {
    expect(countryDisplayName('MX', 'es')).toBe('México');
    expect(countryDisplayName('US', 'en')).toBe('United States');
    expect(countryDisplayName('Narnia', 'es')).toBe('Narnia');
  });
});
