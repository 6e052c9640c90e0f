/**
 * Child card numbers: 12 digits, the last a Luhn check digit, so a mistyped digit or two swapped
 * neighbours are caught on the specialist's phone before anything is sent. Printed in groups of four.
 */
export const CARD_NUMBER_LENGTH = 12;

export function luhnCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('digits only');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a card number from its 11-digit body. */
export function makeCardNumber(body: string): string {
  if (!/^\d{11}$/.test(body)) throw new Error('the body of a card number is 11 digits');
  return `${body}${luhnCheckDigit(body)}`;
}

/** Spaces and dashes (as printed or typed) are ignored. */
export function normaliseCardNumber(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function isValidCardNumber(text: string): boolean {
  const n = normaliseCardNumber(text);
  return /^\d{12}$/.test(n) && luhnCheckDigit(n.slice(0, 11)) === Number(n[11]);
}

export function formatCardNumber(n: string): string {
  return normaliseCardNumber(n).replace(/(\d{4})(?=\d)/g, '$1 ');
}
