/** Where the repository's problem catalog lives: the `problems/` folder at the root of the monorepo. */
import { fileURLToPath } from 'node:url';

export const CATALOG_ROOT = fileURLToPath(new URL('../../../problems', import.meta.url));
