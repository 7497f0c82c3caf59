/**
 * Accounts in the HTTP API: sign-up and sign-in bodies, the user the API answers with, and the
 * username and password rules. Shared so the web app can check a form with the same rules and
 * show the same messages before it sends anything.
 */
import { z } from 'zod';

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 8;
/** Longer passwords are refused before hashing: argon2 over megabytes of input would be a DoS. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Account roles: `admin` runs the platform, `organiser` (a teacher, in a school) creates and runs
 * contests, `user` takes part. One stored name per role; `teacher` is read as `organiser`.
 */
export const USER_ROLES = ['user', 'organiser', 'admin'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Names a person may type for a role (the admin CLI and API): the stored ones and `teacher`. */
export const ROLE_NAMES = [...USER_ROLES, 'teacher'] as const;

/** A typed role name as the stored role (`teacher` → `organiser`), or null when it names none. */
export function parseRoleName(name: string): UserRole | null {
  const lower = name.trim().toLowerCase();
  if (lower === 'teacher') return 'organiser';
  const parsed = userRoleSchema.safeParse(lower);
  return parsed.success ? parsed.data : null;
}

/** The role name as a request body gives it (`teacher` allowed), read as the stored role. */
export const roleNameSchema = z
  .string({ error: `role is required: one of ${ROLE_NAMES.join(', ')}` })
  .transform((name, ctx) => {
    const role = parseRoleName(name);
    if (role === null) {
      ctx.issues.push({
        code: 'custom',
        input: name,
        message: `role must be one of ${ROLE_NAMES.join(', ')}`,
      });
      return z.NEVER;
    }
    return role;
  });

/** What the API says about a user (never the password hash). */
export const authUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: userRoleSchema,
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** Answer of sign-up, sign-in and `GET /auth/me`. */
export const authResponseSchema = z.object({ user: authUserSchema });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const usernameSchema = z
  .string({ error: 'Give a username.' })
  .min(USERNAME_MIN_LENGTH, `Use at least ${USERNAME_MIN_LENGTH} characters.`)
  .max(USERNAME_MAX_LENGTH, `Use at most ${USERNAME_MAX_LENGTH} characters.`)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use only letters, digits, _ and -.');

/**
 * The most common passwords of at least 8 characters (shorter ones fail the length rule anyway),
 * from public breach statistics; compared lowercased. A short list is enough to stop the first
 * guesses of an online attack, which the sign-in rate limit keeps few.
 */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'password!',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pa$$word',
  '123456789',
  '1234567890',
  '12345678910',
  '0987654321',
  '987654321',
  '123123123',
  '12341234',
  '11223344',
  '112233445566',
  '147258369',
  '159753456',
  '123456789a',
  'a123456789',
  'aa123456',
  'abc12345',
  'abcd1234',
  'asdf1234',
  '1234qwer',
  'qwer1234',
  'qwerty12',
  'qwerty123',
  'qwerty1234',
  'qwertyui',
  'qwertyuiop',
  'qwe12345',
  'qweasdzxc',
  'asdfghjk',
  'asdfghjkl',
  'zxcvbnm1',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'q1w2e3r4t5',
  '1qaz2wsx',
  'zaq12wsx',
  'iloveyou',
  'iloveyou1',
  'iloveyou2',
  'sunshine',
  'sunshine1',
  'princess',
  'princess1',
  'football',
  'football1',
  'baseball',
  'basketball',
  'welcome1',
  'welcome123',
  'trustno1',
  'letmein1',
  'letmein123',
  'superman',
  'starwars',
  'whatever',
  'michelle',
  'jennifer',
  'computer',
  'internet',
  'corvette',
  'mercedes',
  'liverpool',
  'chelsea1',
  'arsenal1',
  'charlie1',
  'freedom1',
  'hello123',
  'test1234',
  'pass1234',
  'admin123',
  'admin1234',
  'administrator',
  'changeme',
  'changeme1',
  'default1',
  'secret123',
  'master123',
  'dragon123',
  'monkey123',
  'shadow123',
  'jordan23',
  'michael1',
  'samsung1',
  'google123',
  'lovely123',
  'babygirl1',
  'iloveu123',
  'qazwsxedc',
  'access14',
  'batman123',
  'pokemon1',
  'minecraft',
  'arbiter1',
  'arbiter123',
]);

/** Why a password would be easy to guess, or null when none of the checks applies. */
export function passwordWeakness(password: string, username?: string): string | null {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return 'It is one character repeated; choose something harder to guess.';
  if (isSequence([...lower]))
    return 'It is a simple sequence such as "abcdefgh" or "12345678"; choose something harder to guess.';
  if (username !== undefined && lower === username.toLowerCase())
    return 'It is the same as your username; choose something different.';
  if (COMMON_PASSWORDS.has(lower))
    return 'It is one of the most common passwords, the first an attacker tries; choose something less common.';
  return null;
}

/** Every character one code point above (or below) the previous one. */
function isSequence(chars: string[]): boolean {
  const points = chars.map((char) => char.codePointAt(0) ?? 0);
  const step = (points[1] ?? 0) - (points[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  return points.every((point, i) => i === 0 || point - (points[i - 1] ?? 0) === step);
}

/** Lengths count characters (code points), as a person would. */
const passwordLength = z.string({ error: 'Give a password.' }).check((ctx) => {
  const length = [...ctx.value].length;
  if (length < PASSWORD_MIN_LENGTH)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  else if (length > PASSWORD_MAX_LENGTH)
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `It is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
});

export const signupRequestSchema = z
  .strictObject({ username: usernameSchema, password: passwordLength })
  .check((ctx) => {
    const weakness = passwordWeakness(ctx.value.password, ctx.value.username);
    if (weakness !== null)
      ctx.issues.push({ code: 'custom', input: ctx.value.password, path: ['password'], message: weakness });
  });
export type SignupRequest = z.infer<typeof signupRequestSchema>;

/**
 * Sign-in checks only what protects the server (the password length bounds argon2's work);
 * a username that could not exist is simply a failed sign-in, answered like any other.
 */
export const loginRequestSchema = z.strictObject({
  username: z.string({ error: 'Give a username.' }).min(1, 'Give a username.').max(256),
  password: z
    .string({ error: 'Give a password.' })
    .min(1, 'Give a password.')
    .refine(
      (password) => [...password].length <= PASSWORD_MAX_LENGTH,
      `It is too long: passwords have at most ${PASSWORD_MAX_LENGTH} characters.`,
    ),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
