// A measurement shown the way its indicator's baseline and target were typed: 52 beside "40%" and "75%" reads 52%.

/** How a typed measure writes its number: "$3,000.50" is a dollar sign, grouping, two decimals. */
export interface MeasureStyle {
  prefix: string;
  suffix: string;
  grouped: boolean;
  decimals: number;
}

const PLAIN: MeasureStyle = { prefix: '', suffix: '', grouped: false, decimals: 0 };
/** One number with a currency sign before it or a per cent sign after it, and nothing else counted. */
const TYPED = /^\s*([$€£¥]?)\s*(-?(?:\d[\d,]*)?(?:\.(\d+))?)\s*(%?)/;
/** Decimals a measurement keeps of its own, whatever was typed (a value is never rounded away). */
const OWN_DECIMALS = 2;

/** The style of one typed measure ("40%", "$3,000", "12.5"), or null when it is not one number. */
export function typedStyle(text: string): MeasureStyle | null {
  const match = TYPED.exec(text);
  if (!match || !/\d/.test(match[2])) return null;
  return {
    prefix: match[1],
    suffix: match[4],
    grouped: match[2].includes(','),
    decimals: match[3]?.length ?? 0,
  };
}

/**
 * The indicator's style: the target's, else the baseline's; per cent and currency signs kept from
 * either (a target "75%" with a baseline "40" is a percentage), the most decimals of the two.
 */
export function indicatorStyle(baselineText: string, targetText: string): MeasureStyle {
  const styles = [typedStyle(targetText), typedStyle(baselineText)].filter(
    (s): s is MeasureStyle => s !== null,
  );
  if (styles.length === 0) return PLAIN;
  return {
    prefix: styles.find((s) => s.prefix)?.prefix ?? '',
    suffix: styles.find((s) => s.suffix)?.suffix ?? '',
    grouped: styles.some((s) => s.grouped),
    decimals: Math.max(...styles.map((s) => s.decimals)),
  };
}

/** Decimals `value` needs of its own, up to OWN_DECIMALS (52.25 → 2, 52 → 0). */
function ownDecimals(value: number): number {
  for (let d = 0; d < OWN_DECIMALS; d++)
    if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-9) return d;
  return OWN_DECIMALS;
}

/** `value` written in `style`: "52%", "$2,500", "12.50"; its own decimals are kept (up to two). */
export function formatMeasure(value: number, style: MeasureStyle): string {
  const decimals = Math.max(style.decimals, ownDecimals(value));
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = style.grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${style.prefix}${grouped}${fraction ? `.${fraction}` : ''}${style.suffix}`;
}

/** A measurement as its indicator's baseline and target were typed. */
export function measureLike(value: number, baselineText: string, targetText: string): string {
  return formatMeasure(value, indicatorStyle(baselineText, targetText));
}
