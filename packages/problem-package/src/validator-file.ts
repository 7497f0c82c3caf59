/** Where a file of a validator folder belongs: its validator (a file, or a folder of files) and its path there. */

/**
 * `input_validators/v.py` → validator `v.py`, file `v.py`; `input_validators/v/lib/x.h` → validator `v`,
 * file `lib/x.h` (the path in the validator's working directory).
 */
export function validatorFile(path: string): { validator: string; file: string } {
  const rest = path.slice(path.indexOf('/') + 1);
  const slash = rest.indexOf('/');
  return slash === -1
    ? { validator: rest, file: rest }
    : { validator: rest.slice(0, slash), file: rest.slice(slash + 1) };
}
