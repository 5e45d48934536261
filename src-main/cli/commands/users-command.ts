import { parseArgs } from 'node:util';
import type { AccountSummary } from '../../../src-shared/domain/account';
import { roleSchema, type Role } from '../../../src-shared/domain/roles';
import { loginAsAdmin, secretFrom, UsageError, type CliContext } from '../cli-context';
import { EXIT } from '../exit-codes';
import { printTable } from '../print-table';

export const USERS_HELP = `sohoa users list   [--admin USER] [--admin-password-env VAR] [--json]
sohoa users create --username U --name "Họ và tên" --role clerk[,supervisor,admin]
                   [--password-env VAR] [--admin USER] [--admin-password-env VAR] [--json]
sohoa users reset  USERNAME [--password-env VAR] [--admin USER] [--admin-password-env VAR] [--json]

Every users command needs an administrator: --admin names the account (else it is asked),
its password is read from --admin-password-env or asked without echo. Passwords of new
accounts come from --password-env or are asked twice.`;

const OPTIONS = {
  admin: { type: 'string' },
  'admin-password-env': { type: 'string' },
  username: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'password-env': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function parseRoles(text: string | undefined): Role[] {
  if (!text) throw new UsageError('--role is required (clerk, supervisor, admin)');
  return text.split(',').map((role) => {
    const parsed = roleSchema.safeParse(role.trim());
    if (!parsed.success) throw new UsageError(`unknown role "${role}" (clerk, supervisor, admin)`);
    return parsed.data;
  });
}

async function newPassword(
  context: CliContext,
  envName: string | undefined,
  username: string,
): Promise<string> {
  const first = await secretFrom(context, envName, context.t('cli.newPassword', { username }));
  if (envName) return first;
  const second = await secretFrom(context, undefined, context.t('cli.repeatPassword'));
  if (first !== second) throw new UsageError(context.t('cli.passwordsDiffer'));
  return first;
}

const accountRow = (context: CliContext, account: AccountSummary): string[] => [
  account.username,
  account.displayName,
  account.roles.map((role) => context.t(`roles.${role}`)).join(', '),
  account.disabled
    ? context.t('users.disabled')
    : account.lockedUntil && account.lockedUntil > Date.now()
      ? context.t('users.locked', { time: new Date(account.lockedUntil).toLocaleTimeString('vi-VN') })
      : context.t('users.active'),
];

export async function usersCommand(context: CliContext, argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const { stdout } = context.io;
  const emit = (json: unknown, text: () => void) => {
    if (values.json) stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    else text();
  };
  const admin = { admin: values.admin, adminPasswordEnv: values['admin-password-env'] };

  switch (action) {
    case 'list': {
      await loginAsAdmin(context, admin);
      const accounts = await context.station.users.list({});
      emit(accounts, () =>
        printTable(
          stdout,
          [
            context.t('auth.username'),
            context.t('auth.displayName'),
            context.t('users.roles'),
            context.t('users.state'),
          ],
          accounts.map((account) => accountRow(context, account)),
        ),
      );
      return EXIT.ok;
    }
    case 'create': {
      if (!values.username || !values.name) throw new UsageError('--username and --name are required');
      const roles = parseRoles(values.role);
      await loginAsAdmin(context, admin);
      const password = await newPassword(context, values['password-env'], values.username);
      const account = await context.station.users.create({
        username: values.username,
        displayName: values.name,
        roles,
        password,
      });
      emit(account, () => stdout.write(`${context.t('cli.created', { username: account.username })}\n`));
      return EXIT.ok;
    }
    case 'reset': {
      const username = positionals[0]?.toLowerCase();
      if (!username) throw new UsageError('sohoa users reset USERNAME');
      await loginAsAdmin(context, admin);
      const target = (await context.station.users.list({})).find((account) => account.username === username);
      if (!target) throw new UsageError(context.t('errors.users.notFound'));
      const password = await newPassword(context, values['password-env'], username);
      const account = await context.station.users.resetPassword({ userId: target.id, newPassword: password });
      emit(account, () => stdout.write(`${context.t('cli.reset', { username })}\n`));
      return EXIT.ok;
    }
    default:
      throw new UsageError(USERS_HELP);
  }
}
