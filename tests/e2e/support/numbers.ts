/** A number as the app prints it in Russian: «1 234», «12,5», «−3» (thin and no-break spaces too). */
export function parseRuNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.').replace('\u2212', '-'));
}
