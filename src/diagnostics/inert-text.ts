// Text that came from an input (agencies, quoted sentences, file and sheet names) made inert before it is printed,
// so no input can act on the terminal or on a format that reads our output: an OSC 52 clipboard write, a window title,
// a screen clear, `ESC[8m` hiding the rest, a newline splitting a table row or starting a workflow command, U+202E
// turning a line around. The ground floor every layer imports: no Node modules, no other imports.
//
// What each output needs:
// - the terminal (`inert`): every control and format character shown escaped in a visible form (`\x1b`, `\n`,
//   `\u202e`), so the text shows what the input holds and a line stays one line. A backslash is left as it is, so
//   `inert` is idempotent and may be applied at more than one layer; the price is that a literal `\x1b` typed in an
//   input looks like an escaped ESC, which is harmless.
// - JUnit XML (`inertXml`): the same, then the characters XML 1.0 does not allow (U+FFFE, U+FFFF; the controls and
//   lone surrogates are already escaped) shown escaped, and markup escaped, for text and attribute values alike.
// - GitHub workflow commands (`inertWorkflowData`, `inertWorkflowProperty`): the same, then the documented escaping
//   (`%`, CR, LF in a message; also `:` and `,` in a property), so an annotation is one line that starts with `::`
//   only where we wrote it.
// - JSON (`inertJson`): JSON is data, so its values stay exact — a script reading `--format json` must get the agency
//   the input holds, byte for byte, not a display form of it. JSON.stringify already writes C0 controls and lone
//   surrogates as `\u` escapes, but leaves DEL, the C1 controls (U+009B is a CSI), U+2028/U+2029 and the format
//   characters (U+202E …) raw, which a terminal acts on when `--format json` is printed there. `inertJson` writes
//   those as `\u` escapes too: JSON.parse reads back the very same strings, and the bytes printed are inert.

/**
 * Characters that act rather than show: C0 controls (TAB, LF and CR too) and DEL, C1 controls (U+0080–U+009F) — all
 * `Cc`; format characters (`Cf`: U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, the soft hyphen, tag
 * characters …), which reorder or hide text; the line and paragraph separators U+2028, U+2029; lone surrogates.
 * Ordinary CJK, full-width punctuation and the ideographic space U+3000 are none of these.
 */
const ACTIVE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const ACTIVE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** One character in a visible form: `\n`, `\x1b`, `\u202e`, `\u{e0041}`. */
function visible(character: string): string {
  const named = NAMED[character];
  if (named) return named;
  const code = character.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\u{${code.toString(16)}}`;
}

/** The text for a terminal: every control, format and separator character shown escaped, the rest as it is. */
export function inert(text: string): string {
  return ACTIVE.test(text) ? text.replace(ACTIVE_ALL, visible) : text;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The text for XML 1.0, in an attribute value or in content: inert, with no character XML forbids, markup escaped. */
/** Text of several lines (a stack trace) made inert line by line: its own line breaks kept. */
export function inertLines(text: string): string {
  return text.split('\n').map(inert).join('\n');
}

export function inertXml(text: string): string {
  return inert(text).replace(/[<>&"'\uFFFE\uFFFF]/g, (character) => XML_ENTITIES[character] ?? visible(character));
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions — data and property escaping.

/** The message of a GitHub workflow command: inert, then `%`, CR and LF escaped as the runner reads them. */
export function inertWorkflowData(text: string): string {
  return inert(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (`file=`, `title=`): as a message, and `:` and `,` escaped too. */
export function inertWorkflowProperty(text: string): string {
  return inertWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** What JSON.stringify leaves raw and a terminal may act on: DEL, C1, format characters, U+2028, U+2029. */
const JSON_ACTIVE = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;
const JSON_ACTIVE_ALL = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * JSON text (as JSON.stringify writes it) with those characters written as `\u` escapes: the same values when parsed,
 * inert bytes when printed. They can stand only inside strings, where any character may be escaped so.
 */
export function inertJson(json: string): string {
  if (!JSON_ACTIVE.test(json)) return json;
  return json.replace(JSON_ACTIVE_ALL, (character) => {
    let escaped = '';
    for (let index = 0; index < character.length; index++) escaped += `\\u${hex(character.charCodeAt(index), 4)}`;
    return escaped;
  });
}
