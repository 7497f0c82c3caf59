/** The three ways a checktestdata run ends badly: the script does not parse, the data does not match, the script fails. */

/** The script is not valid checktestdata (DOMjudge's checktestdata refuses it before reading any data). */
export class CtdParseError extends Error {
  override name = 'CtdParseError';
}

/** The test data does not match the script: the input is invalid. */
export class CtdMismatch extends Error {
  override name = 'CtdMismatch';
}

/** The script went wrong while running (an undefined variable, a type error, …): neither valid nor invalid. */
export class CtdScriptError extends Error {
  override name = 'CtdScriptError';
}
