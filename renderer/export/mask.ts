/**
 * Masking of citizens' personal data (152-ФЗ) for screens and exports: enough stays visible to
 * tell two applicants apart in a list, not enough to identify or contact anyone.
 */

/** «Иванов Иван Иванович» → «И***** И. И.» */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const [family, ...rest] = words;
  const head = `${[...family!][0]}*****`;
  return [head, ...rest.map((w) => `${[...w][0]}.`)].join(' ');
}

/** «+7 912 345-67-89» → «*** ***-**-89»: only the last two digits stay (no leading «+», which spreadsheets read as a formula). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '***';
  return `*** ***-**-${digits.slice(-2)}`;
}

/** «ivanov@example.ru» → «i***@***.ru» */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const tld = /\.[^.]+$/.exec(email.slice(at + 1))?.[0] ?? '';
  return `${[...email][0]}***@***${tld}`;
}

/** An applicant's own address is hidden entirely. */
export function maskAddress(address: string | null): string | null {
  return address ? '***' : address;
}

/**
 * What screens and exports show for a field whose value is sealed (renderer/personal-vault): the
 * same shape as the masks above, with no character of the value, so masking never needs the key.
 */
export const SEALED_MASKS = {
  fullName: '*****',
  phone: '*** ***-**-**',
  email: '***@***',
  address: '***',
} as const;
