import { hoursToMinutes, wholeNumber } from './form-readers';

describe('wholeNumber', () => {
  it.each([
    ['12', 12],
    [' 30 ', 30],
    ['-3', -3],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
    ['1,5', '1,5'],
    ['douze', 'douze'],
    ['1234567890', '1234567890'],
  ])('%p → %p', (text, read) => {
    expect(wholeNumber(text)).toBe(read);
  });
});

describe('hoursToMinutes', () => {
  it.each([
    ['10', 600],
    ['7,5', 450],
    ['7.25', 435],
    ['0,01', 1],
    ['-2', -120],
    ['\u22122', -120],
    ['-0', 0],
    ['', undefined],
    [undefined, undefined],
    ['7,505', '7,505'],
    ['7 h', '7 h'],
  ])('%p hours → %p minutes', (text, read) => {
    expect(hoursToMinutes(text)).toBe(read);
  });

  it('reads days by their minutes', () => {
    expect(hoursToMinutes('1,5', 1440)).toBe(2160);
    expect(hoursToMinutes('2', 1440)).toBe(2880);
  });
});
