/**
 * Accounts issued by the centre server (server/accounts/): the administrator creates users with a
 * role and a scope; a workstation signs a user in with the user's password and receives a token
 * for that user on that workstation, with the user's role and scope. One definition for the
 * server's validation, the CLI and the workstation's client.
 */
import { z } from 'zod';
import { checkPassword, LOGIN_PATTERN, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizeLogin, type PasswordProblem } from '../access/password-policy';
import { ROLES } from '../access/roles';

export const ACCOUNT_PATHS = {
  /** POST: a user's password for a token of this user on this workstation (bearer: the workstation's token). */
  signIn: '/v1/sign-in',
  /** GET: the centre's users (no secrets), for the workstation's local accounts. */
  users: '/v1/users',
  adminUsers: '/admin/users',
  adminUser: '/admin/users/:id',
} as const;

const ids = z
  .array(z.string().min(1, { message: 'пустой идентификатор' }).max(100, { message: 'идентификатор длиннее 100 символов' }), { message: 'ожидался список идентификаторов' })
  .max(500, { message: 'не больше 500 идентификаторов' });

/** Null in a dimension = unrestricted (shared/access/scope.ts). */
export const scopeSchema = z.object({ sectors: ids.nullable(), municipalities: ids.nullable() });

const login = z
  .string({ message: 'ожидалось имя для входа (строка)' })
  .transform(normalizeLogin)
  .refine((value) => LOGIN_PATTERN.test(value), { message: 'имя для входа: 2–32 строчных латинских буквы, цифры и . _ -, с буквы или цифры' });

const displayName = z.string({ message: 'ожидалось имя (строка)' }).trim().min(1, { message: 'пустое имя' }).max(120, { message: 'имя длиннее 120 символов' });
/** Why a password is refused, in the words the server's answers and console use. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'too-short': `пароль короче ${MIN_PASSWORD_LENGTH} символов`,
  'too-long': `пароль длиннее ${MAX_PASSWORD_LENGTH} символов`,
  'same-as-login': 'пароль совпадает с именем для входа',
  'one-character': 'пароль из одного повторённого символа',
};

const role = z.enum(ROLES, { message: `роль: ${ROLES.join(', ')}` });

export const userCreateSchema = z
  .object({
    login,
    displayName,
    role,
    scope: scopeSchema.default({ sectors: null, municipalities: null }),
    password: z.string({ message: 'ожидался пароль (строка)' }).max(MAX_PASSWORD_LENGTH),
  })
  .superRefine((value, issues) => {
    const problem = checkPassword(value.login, value.password);
    if (problem) issues.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_PROBLEM_TEXT[problem] });
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userChangeSchema = z
  .object({
    displayName: displayName.optional(),
    role: role.optional(),
    scope: scopeSchema.optional(),
    disabled: z.boolean().optional(),
    password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: 'нечего менять' });
export type UserChange = z.infer<typeof userChangeSchema>;

/** A user as the server describes them: never a password or its hash. */
export const centreUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role,
  scope: scopeSchema,
  disabled: z.boolean(),
  changedAt: z.number().int().nonnegative(),
});
export type CentreUser = z.infer<typeof centreUserSchema>;

export const centreUsersSchema = z.object({ users: z.array(centreUserSchema) });

export const signInRequestSchema = z.object({
  login: z.string({ message: 'ожидалось имя для входа (строка)' }).min(1).max(100).transform(normalizeLogin),
  password: z.string({ message: 'ожидался пароль (строка)' }).min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** 200 of a sign-in: the token (shown once) and who it belongs to. 401 is the one answer for every wrong login or password. */
export const signInAnswerSchema = z.object({ token: z.string().min(8), tokenId: z.string(), user: centreUserSchema });
export type SignInAnswer = z.infer<typeof signInAnswerSchema>;
