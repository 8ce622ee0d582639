// Masks for petitioners' personal data in lists and for leaders: 4104**********1234, 138****5678.

export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length <= 8
    ? '*'.repeat(value.length)
    : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length < 7 ? '*'.repeat(value.length) : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** Keeps the first 6 characters (province, city, county) and hides the rest. */
export function maskAddress(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length <= 6 ? `${value.slice(0, 1)}***` : `${value.slice(0, 6)}****`;
}
