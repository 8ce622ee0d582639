import { KeyedWindow } from './keyed-window.js';

describe('KeyedWindow', () => {
  let t = 0;
  const window = new KeyedWindow(5_000, () => t);

  it('lets a key through once per window, each key on its own', () => {
    t = 1_000;
    expect(window.admit('a')).toBe(true);
    expect(window.admit('a')).toBe(false);
    expect(window.admit('b')).toBe(true);
    t = 5_999;
    expect(window.admit('a')).toBe(false);
    t = 6_000;
    expect(window.admit('a')).toBe(true);
    expect(window.admit('a')).toBe(false);
    expect(window.admit('b')).toBe(true);
  });

  it('lets a key through when the clock went back (a corrected server clock)', () => {
    t = 100_000;
    expect(window.admit('c')).toBe(true);
    t = 50_000;
    expect(window.admit('c')).toBe(true);
  });
});
