/**
 * Plain YAML scalars resolved as kubectl resolves them (internal): `sigs.k8s.io/yaml` on go-yaml v2, which
 * keeps YAML 1.1's rules. The observed readings are the table in test/cli/yaml-scalars.test.ts. Also the
 * YAML 1.2 core-schema reading, to tell where the two differ.
 */

/** What a plain scalar resolves to; `invalid` for values JSON cannot hold (`.inf`, `.nan`). */
export type Resolved = { readonly value: unknown; readonly invalid?: string };

const BOOLEANS: Record<string, boolean> = {
  y: true,
  Y: true,
  yes: true,
  Yes: true,
  YES: true,
  true: true,
  True: true,
  TRUE: true,
  on: true,
  On: true,
  ON: true,
  n: false,
  N: false,
  no: false,
  No: false,
  NO: false,
  false: false,
  False: false,
  FALSE: false,
  off: false,
  Off: false,
  OFF: false,
};
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const NOT_JSON = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
/** go-yaml's float syntax. */
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go's integer literal syntax (base prefix or leading-zero octal), after go-yaml removed every `_`. */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
/** A go-yaml timestamp: four digits and a dash first; it stays the string as written. */
const TIMESTAMP_START = /^[0-9]{4}-/;

/** The YAML 1.1 reading of a plain scalar, as go-yaml v2 gives it. */
export function resolveYaml11(text: string): Resolved {
  if (NULLS.has(text)) {
    return { value: null };
  }
  if (Object.prototype.hasOwnProperty.call(BOOLEANS, text)) {
    return { value: BOOLEANS[text] };
  }
  if (NOT_JSON.has(text)) {
    return { value: text, invalid: 'is not a number JSON can hold' };
  }
  const first = text[0];
  if (first === '.') {
    return FLOAT.test(text) ? { value: Number(text) } : { value: text };
  }
  if (!/[-+0-9]/.test(first) || TIMESTAMP_START.test(text)) {
    return { value: text };
  }
  const plain = text.replace(/_/g, '');
  if (GO_INT.test(plain)) {
    const integer = goInteger(plain);
    if (integer >= INT64_MIN && integer <= UINT64_MAX) {
      return { value: Number(integer) };
    }
    // past 64 bits Go parses no integer; the float syntax takes decimal digits only
  }
  if (FLOAT.test(plain) && Number.isFinite(Number(plain))) {
    return { value: Number(plain) }; // past float64 Go reports a range error and the scalar stays a string
  }
  return { value: text };
}

/** A Go integer literal (already matched by GO_INT) as a BigInt. */
export function goInteger(plain: string): bigint {
  const negative = plain.startsWith('-');
  const digits = plain.replace(/^[-+]/, '');
  let value: bigint;
  if (/^0[xXbB]/.test(digits)) {
    value = BigInt(digits.toLowerCase());
  } else if (/^0[oO]/.test(digits)) {
    value = BigInt(`0o${digits.slice(2)}`);
  } else if (digits.length > 1 && digits.startsWith('0')) {
    value = BigInt(`0o${digits.slice(1)}`);
  } else {
    value = BigInt(digits);
  }
  return negative ? -value : value;
}

/** The YAML 1.2 core-schema reading of a plain scalar. */
export function resolveYaml12(text: string): unknown {
  if (NULLS.has(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

/** A resolved map key as sigs.k8s.io/yaml turns it into a JSON key (`true`, `493`, `1.5`); undefined for null. */
export function jsonKey(text: string, value: unknown): string | undefined {
  if (value === null) {
    return undefined;
  }
  if (typeof value === 'number') {
    const plain = text.replace(/_/g, '');
    return GO_INT.test(plain) ? goInteger(plain).toString() : goFloat32(value);
  }
  return String(value);
}

/** Go's `strconv.FormatFloat(v, 'g', -1, 32)`: the shortest float32 digits, exponent form outside 1e-4..1e6. */
function goFloat32(v: number): string {
  const target = Math.fround(v);
  let digits = 1;
  while (digits < 9 && Math.fround(Number(target.toPrecision(digits))) !== target) {
    digits++;
  }
  const [mantissa, exponentText] = target.toExponential(digits - 1).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(Number(target.toPrecision(digits)));
}
