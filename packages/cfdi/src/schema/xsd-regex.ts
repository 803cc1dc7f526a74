/**
 * XSD regular expressions (XML Schema Part 2, Appendix F) translated to JavaScript. They differ in
 * ways SAT's patterns hit: an XSD pattern must match the WHOLE value; `^` and `$` are ordinary
 * characters; `.` excludes only \n and \r; `\d` is any Unicode decimal digit (libxml2: category Nd);
 * `\s` is exactly space, tab, CR, LF; a `-` at the end of a class is literal (`[^(?!.*\s)-]`).
 * `\d` is Unicode category Nd as libxml2 knows it: its tables are Unicode 4.0.1 (xmlunicode.c), so the
 * digits are listed (checked against xmllint 2.9.14 with every current Nd character).
 * Lengths count code points, so the result uses the `u` flag.
 */

const XSD_SINGLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };
const XSD_ESCAPABLE = new Set('\\|.-^?*+{}()[]');
const JS_SPECIAL_OUTSIDE = new Set('^$\\.*+?()[]{}|/');
const JS_SPECIAL_INSIDE = new Set('\\]^-[/');

const LIBXML2_DECIMAL_DIGITS =
  '0-9\\u0660-\\u0669\\u06F0-\\u06F9\\u0966-\\u096F\\u09E6-\\u09EF\\u0A66-\\u0A6F\\u0AE6-\\u0AEF\\u0B66-\\u0B6F' +
  '\\u0BE7-\\u0BEF\\u0C66-\\u0C6F\\u0CE6-\\u0CEF\\u0D66-\\u0D6F\\u0E50-\\u0E59\\u0ED0-\\u0ED9\\u0F20-\\u0F29' +
  '\\u1040-\\u1049\\u17E0-\\u17E9\\u1810-\\u1819\\u1946-\\u194F\\uFF10-\\uFF19\\u{104A0}-\\u{104A9}\\u{1D7CE}-\\u{1D7FF}';

/** Multi-character escapes usable anywhere; `inClass` is their form inside a positive class. */
const MULTI_ESCAPES: Readonly<Record<string, { alone: string; inClass?: string }>> = {
  s: { alone: '[ \\t\\n\\r]', inClass: ' \\t\\n\\r' },
  S: { alone: '[^ \\t\\n\\r]' },
  d: { alone: `[${LIBXML2_DECIMAL_DIGITS}]`, inClass: LIBXML2_DECIMAL_DIGITS },
  D: { alone: `[^${LIBXML2_DECIMAL_DIGITS}]` },
  w: { alone: '[^\\p{P}\\p{Z}\\p{C}]' },
  W: { alone: '[\\p{P}\\p{Z}\\p{C}]', inClass: '\\p{P}\\p{Z}\\p{C}' },
};

class XsdRegexError extends Error {
  constructor(pattern: string, reason: string) {
    super(`Unsupported XSD pattern ${JSON.stringify(pattern)}: ${reason}`);
  }
}

function escapeCharacter(character: string, special: Set<string>): string {
  return special.has(character) ? `\\${character}` : character;
}

/** Translates one XSD pattern into the source of an equivalent, fully anchored JavaScript regex. */
export function translateXsdPattern(pattern: string): string {
  const characters = Array.from(pattern);
  let position = 0;
  const fail = (reason: string): never => {
    throw new XsdRegexError(pattern, `${reason} at ${position}`);
  };
  const peek = () => characters[position];
  const next = () => characters[position++] ?? fail('unexpected end');

  /** `\x` after the backslash: a single character (returned raw) or a class escape (returned as JS). */
  const readEscape = (inClass: boolean): { character: string } | { js: string } => {
    const letter = next();
    if (letter in XSD_SINGLE_ESCAPES) return { character: XSD_SINGLE_ESCAPES[letter] as string };
    if (XSD_ESCAPABLE.has(letter)) return { character: letter };
    const multi = MULTI_ESCAPES[letter];
    if (multi) return { js: inClass ? (multi.inClass ?? fail(`\\${letter} inside a class`)) : multi.alone };
    if (letter === 'p' || letter === 'P') {
      if (next() !== '{') fail('\\p without {');
      let name = '';
      while (peek() !== '}') name += next();
      next();
      if (!/^[LMNPZSC][a-z]?$/.test(name)) fail(`category ${name}`);
      return { js: `\\${letter}{${name}}` };
    }
    return fail(`escape \\${letter}`);
  };

  const readClassCharacter = (): { character: string } | { js: string } => {
    const character = next();
    if (character === '\\') return readEscape(true);
    if (character === '[') fail('nested class or class subtraction');
    return { character };
  };

  const readClass = (): string => {
    let js = '[';
    if (peek() === '^') {
      next();
      js += '^';
    }
    let first = true;
    while (peek() !== ']' || first) {
      first = false;
      const start = readClassCharacter();
      if ('js' in start) {
        js += start.js;
        continue;
      }
      if (peek() === '-' && characters[position + 1] !== ']') {
        next();
        if (peek() === '[') fail('class subtraction');
        const end = readClassCharacter();
        if ('js' in end) fail('range ending in a class escape');
        js += `${escapeCharacter(start.character, JS_SPECIAL_INSIDE)}-${escapeCharacter((end as { character: string }).character, JS_SPECIAL_INSIDE)}`;
      } else js += escapeCharacter(start.character, JS_SPECIAL_INSIDE);
    }
    next();
    return `${js}]`;
  };

  const readQuantifier = (): string => {
    const character = peek();
    if (character === '?' || character === '*' || character === '+') return next();
    if (character !== '{') return '';
    let text = '';
    while (peek() !== '}') text += next();
    next();
    const quantity = text.slice(1);
    if (!/^\d+(,\d*)?$/.test(quantity)) fail(`quantifier {${quantity}}`);
    return `{${quantity}}`;
  };

  const readBranches = (depth: number): string => {
    let js = '';
    while (position < characters.length) {
      const character = next();
      let atom: string;
      if (character === '|') {
        js += '|';
        continue;
      }
      if (character === ')') {
        if (depth === 0) fail('unbalanced )');
        return js;
      }
      if (character === '(') {
        atom = `(?:${readBranches(depth + 1)})`;
        if (characters[position - 1] !== ')') fail('unclosed (');
      } else if (character === '[') atom = readClass();
      else if (character === '.') atom = '[^\\n\\r]';
      else if (character === '\\') {
        const escaped = readEscape(false);
        atom = 'js' in escaped ? escaped.js : escapeCharacter(escaped.character, JS_SPECIAL_OUTSIDE);
      } else if ('?*+{}]'.includes(character)) atom = fail(`unexpected ${character}`);
      else atom = escapeCharacter(character, JS_SPECIAL_OUTSIDE);
      js += atom + readQuantifier();
    }
    if (depth > 0) fail('unclosed (');
    return js;
  };

  return `^(?:${readBranches(0)})$`;
}

const compiled = new Map<string, RegExp>();

/** The compiled, anchored JavaScript regex of an XSD pattern (compiled once per pattern). */
export function compileXsdPattern(pattern: string): RegExp {
  let regExp = compiled.get(pattern);
  if (!regExp) {
    regExp = new RegExp(translateXsdPattern(pattern), 'u');
    compiled.set(pattern, regExp);
  }
  return regExp;
}
